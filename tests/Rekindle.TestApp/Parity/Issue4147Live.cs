using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Upstream's issue 4147: a view whose live session's root layout puts an element with the hook
/// <c>HookOutside</c> (<see cref="TestScript"/>) in the page, outside the view's container.
/// </summary>
public sealed class Issue4147Live : LiveView
{
    /// <summary>The element the root layout adds before the view.</summary>
    public const string HookOutside = "<div id=\"hook-outside\" phx-hook=\"HookOutside\"></div>";

    public override Rendered Render() => Html($"<main><h1>Inside</h1></main>");
}
