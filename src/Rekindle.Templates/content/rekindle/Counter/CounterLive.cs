using Rekindle.Rendering;
using Rekindle.Views;

namespace RekindleApp.Counter;

/// <summary>A number and two buttons. [Recoverable] brings the count back after a dropped socket or a server restart.</summary>
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
        <main>
          <h1>Counter</h1>
          <p class="counter">
            <button id="dec" phx-click="dec">-</button>
            <span id="count">{Count}</span>
            <button id="inc" phx-click="inc">+</button>
          </p>
          {Component<TipComponent>("tips")}
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
