using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Sticky;

/// <summary>The sticky route group's live layout: a sticky counter above each view's own render.</summary>
public sealed class StickyLayout : LiveLayout
{
    public override Rendered Render() => Html($"""
        <header id="sticky-layout">{LiveRender<StickyCounterLive>("player", new Dictionary<string, string> { ["label"] = "player" }, sticky: true)}</header>
        <div id="sticky-content">{Content}</div>
        """);
}
