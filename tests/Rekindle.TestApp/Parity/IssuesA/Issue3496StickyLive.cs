using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>The sticky view of upstream's issue 3496: only the element with the hook <c>MyHook</c>.</summary>
public sealed class Issue3496StickyLive : LiveView
{
    /// <summary>The hooked element, with the same id wherever it is rendered.</summary>
    public static Rendered HookedElement => Html($"<div id=\"my-component\" phx-hook=\"MyHook\"></div>");

    public override Rendered Render() => Html($"<div>{HookedElement}</div>");
}
