using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// The live layout of upstream's issue 3496 route group: page A gets <see cref="Issue3496StickyLive"/>
/// as a sticky view after it, page B none, so the navigation from A to B removes the sticky view.
/// </summary>
public sealed class Issue3496Layout : LiveLayout
{
    public override Rendered Render() => View is Issue3496PageLive { IsPageA: true }
        ? Html($"<div>{Content}</div>{LiveRender<Issue3496StickyLive>("sticky", sticky: true)}")
        : Html($"<div>{Content}</div>");
}
