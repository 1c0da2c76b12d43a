using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The live layout of upstream's issue 3658: each page, then the sticky <see cref="Issue3658StickyLive"/>.</summary>
public sealed class Issue3658Layout : LiveLayout
{
    public override Rendered Render() => Html($"{Content}{LiveRender<Issue3658StickyLive>("sticky", sticky: true)}");
}
