using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4325: a hook (<see cref="IssuesCScript"/>'s <c>IdPassthrough</c>) sets its element's id to the same value.</summary>
public sealed class Issue4325Live : LiveView
{
    private int _count;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "increment")
        {
            return base.HandleEventAsync(name, payload);
        }
        _count++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <button phx-click="increment">Increment</button>
          <div id="hooked" phx-hook="IdPassthrough">count is {_count}</div>
        </main>
        """);
}
