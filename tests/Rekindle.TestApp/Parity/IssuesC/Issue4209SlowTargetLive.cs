using Rekindle.PubSub;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>The nested view of <see cref="Issue4209Live"/>: on <c>hold-lock</c> it messages its parent, then answers only after 800 ms.</summary>
public sealed class Issue4209SlowTargetLive(IPubSub pubSub) : LiveView
{
    private string _parent = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _parent = context.Session.GetValueOrDefault("parent") ?? "";
        return ValueTask.CompletedTask;
    }

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "hold-lock")
        {
            await base.HandleEventAsync(name, payload);
            return;
        }
        await pubSub.BroadcastAsync(_parent, Issue4209Live.Bump, CancellationToken);
        await pubSub.BroadcastAsync(_parent, Issue4209Live.UpdateChild, CancellationToken);
        // Slow on purpose: the pushing hook's element stays locked until this reply.
        await Task.Delay(800, CancellationToken);
    }

    public override Rendered Render() => Html($"""<div id="slow-target-child">slow target</div>""");
}
