using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Sticky;

/// <summary>A sticky view from the layout: a recoverable count, the number of its connected mounts so far, and a live navigation of the page.</summary>
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
          <button id="{_label}-to-third" phx-click="to-third">third</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc": Count++; break;
            case "to-third": PushNavigate("/test/sticky/third"); break;
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
