using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// A hook element (<see cref="TestScript"/>'s <c>LifecycleHook</c>) whose content the server patches,
/// pushing an event with the same diff, and then removes.
/// </summary>
public sealed class HookLifecycleLive : LiveView
{
    private int _count;
    private int _other;
    private bool _shown = true;

    public override Rendered Render() => Html($"""
        <section>
          <button id="bump" phx-click="bump">bump</button>
          <button id="other" phx-click="other">other</button>
          <button id="remove" phx-click="remove">remove</button>
          <button id="push-only" phx-click="push_only">push only</button>
          {(_shown ? Html($"""<div id="lifecycle" phx-hook="LifecycleHook"><span id="count">{_count}</span></div>""") : Html($""))}
          <p id="other-count">{_other}</p>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "bump":
                _count++;
                PushEvent("count_changed", new { count = _count });
                break;
            case "other":
                _other++;
                break;
            case "remove":
                _shown = false;
                break;
            case "push_only":
                PushEvent("count_changed", new { count = _count });
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
