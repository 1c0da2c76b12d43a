using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Sticky;

/// <summary>A page of the sticky route group: its name, a recoverable count, and links to the other pages (one in another route group).</summary>
public abstract class StickyPageLive(string name) : LiveView
{
    [Recoverable]
    public int Clicks { get; set; }

    public override Rendered Render() => Html($"""
        <h1 id="page-name">{name}</h1>
        <span id="page-clicks">{Clicks}</span>
        <button id="page-inc" phx-click="inc">+</button>
        <a id="to-first" href="/test/sticky/first" data-phx-link="redirect" data-phx-link-state="push">first</a>
        <a id="to-second" href="/test/sticky/second" data-phx-link="redirect" data-phx-link-state="push">second</a>
        <a id="to-third" href="/test/sticky/third" data-phx-link="redirect" data-phx-link-state="push">third</a>
        <a id="to-other-session" href="/test/nested" data-phx-link="redirect" data-phx-link-state="push">other route group</a>
        <a id="to-other-sticky-session" href="/test/sticky-other" data-phx-link="redirect" data-phx-link-state="push">other sticky route group</a>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Clicks++;
        return ValueTask.CompletedTask;
    }
}
