using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Counter;

/// <summary>The smallest live view: a number and two buttons. The count survives reconnects and restarts.</summary>
public sealed class CounterLive : LiveView
{
    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Counter";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main class="counter">
          <h1>Counter</h1>
          <button id="dec" phx-click="dec">-</button>
          <span id="count">{Count}</span>
          <button id="inc" phx-click="inc">+</button>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc":
                Count++;
                break;
            case "dec":
                Count--;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
