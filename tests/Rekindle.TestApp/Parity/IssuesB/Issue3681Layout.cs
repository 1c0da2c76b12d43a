using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The live layout of upstream's issue 3681: the sticky <see cref="Issue3681StickyLive"/> above each page.</summary>
public sealed class Issue3681Layout : LiveLayout
{
    public override Rendered Render() => Html($"{LiveRender<Issue3681StickyLive>("sticky", sticky: true)}<hr>{Content}<hr>");
}
