using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>Where <see cref="Issue3199Live"/> navigates.</summary>
public sealed class Issue3199AwayLive : LiveView
{
    public override Rendered Render() => Html($"<h1>Away</h1>");
}
