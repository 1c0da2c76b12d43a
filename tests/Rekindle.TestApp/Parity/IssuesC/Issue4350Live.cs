using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4350: a component holding another is hidden and shown again before the client's <c>cids_destroyed</c> arrives.</summary>
public sealed class Issue4350Live : LiveView
{
    private bool _show = true;
    private int _tick;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "tick":
                _tick++;
                break;
            case "hide":
                _show = false;
                break;
            case "show":
                _show = true;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <button id="tick" phx-click="tick">tick</button>
          <button id="hide" phx-click="hide">hide</button>
          <button id="show" phx-click="show">show</button>
          {(_show ? Html($"<div id=\"wrapper\">{Component<Issue4350BranchComponent>("branch", _tick)}</div>") : Html($""))}
        </main>
        """);
}
