using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Sticky;

/// <summary>A sticky view from the layout: a recoverable count and the number of its connected mounts so far.</summary>
public sealed class StickyCounterLive : LiveView
{
    private static int s_connectedMounts;
    private string _label = "";
    private int _mounts;

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        _label = context.Session.GetValueOrDefault("label") ?? throw new InvalidOperationException("expected a label in the session");
        if (context.IsConnected)
        {
            _mounts = Interlocked.Increment(ref s_connectedMounts);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div>
          <span id="{_label}-count">{Count}</span>
          <span id="{_label}-mounts">{_mounts}</span>
          <button id="{_label}-inc" phx-click="inc">+</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Count++;
        return ValueTask.CompletedTask;
    }
}
