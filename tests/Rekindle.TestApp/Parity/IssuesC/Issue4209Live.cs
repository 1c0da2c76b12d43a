using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>
/// Upstream's issue 4209: a hooked panel (<see cref="IssuesCScript"/>'s <c>Issue4209LockedPanel</c>) holding
/// a component pushes to a nested view that answers slowly, so the panel stays locked; meanwhile the
/// nested view has this view bump a count outside the panel and update the component inside it.
/// </summary>
public sealed class Issue4209Live : LiveView
{
    public const string Bump = "bump";
    public const string UpdateChild = "update-child";

    private readonly string _topic = "issue-4209:" + Guid.NewGuid().ToString("N");
    private int _outside;
    private int _childUpdates;

    public override ValueTask MountAsync(MountContext context)
    {
        Subscribe(_topic);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        if (Equals(message, Bump))
        {
            _outside++;
        }
        else if (Equals(message, UpdateChild))
        {
            _childUpdates++;
            SendUpdate<Issue4209ChildComponent>("locked-child", "child 1");
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <div id="outside-count">{_outside}</div>
          <div id="child-updates">{_childUpdates}</div>
          <div id="locked-panel" phx-hook="Issue4209LockedPanel">
            {Component<Issue4209ChildComponent>("locked-child", "child 0")}
            <button id="start-locked-update" type="button">Start locked update</button>
          </div>
          <div id="slow-target">{LiveRender<Issue4209SlowTargetLive>("slow-target-live", new Dictionary<string, string> { ["parent"] = _topic })}</div>
        </main>
        """);
}
