using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4066: a component whose hook pushes to it after a toggle removed it (<see cref="IssuesCScript"/>).</summary>
public sealed class Issue4066Live : LiveView
{
    private readonly string _mountedAt = Guid.NewGuid().ToString("N");
    private bool _show = true;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "toggle")
        {
            return base.HandleEventAsync(name, payload);
        }
        _show = !_show;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="render-time">{_mountedAt}</p>
          <button phx-click="toggle">Toggle</button>
          {(_show ? Html($"{Component<Issue4066Component>("foo")}") : Html($""))}
        </main>
        """);
}
