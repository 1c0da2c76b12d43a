using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A counter that shows which process renders it: cluster tests kill exactly the node serving a page.</summary>
public sealed class NodeLive : LiveView
{
    [Recoverable]
    public int Count { get; set; }

    public override Rendered Render() => Html($"""
        <main>
          <p id="node">{Environment.ProcessId}</p>
          <span id="count">{Count}</span>
          <button id="inc" phx-click="inc">+</button>
        </main>
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
