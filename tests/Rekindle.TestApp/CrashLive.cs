using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A view whose "boom" event throws, to prove a crash ends that view only.</summary>
public sealed class CrashLive : LiveView
{
    private static int s_connectedMounts;
    private int _mounts;
    private int _clicks;

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected)
        {
            _mounts = Interlocked.Increment(ref s_connectedMounts);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section>
          <span id="mounts">{_mounts}</span>
          <span id="clicks">{_clicks}</span>
          <button id="click" phx-click="click">click</button>
          <button id="boom" phx-click="boom">boom</button>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "click":
                _clicks++;
                return ValueTask.CompletedTask;
            case "boom":
                throw new InvalidOperationException("boom from CrashLive");
            case "hang":
                return new ValueTask(Task.Delay(Timeout.Infinite));
            default:
                return base.HandleEventAsync(name, payload);
        }
    }
}
