using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>The nested view of <see cref="Issue4359Live"/>.</summary>
public sealed class Issue4359ChildLive : LiveView
{
    public override Rendered Render() => Html($"<span>child</span>");
}
