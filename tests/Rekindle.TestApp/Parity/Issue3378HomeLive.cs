using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Upstream's issue 3378: a page whose only content is a nested view (<see cref="Issue3378AppBarLive"/>) nesting another with a stream.</summary>
public sealed class Issue3378HomeLive : LiveView
{
    public override Rendered Render() => Html($"<main>{LiveRender<Issue3378AppBarLive>("appbar")}</main>");
}
