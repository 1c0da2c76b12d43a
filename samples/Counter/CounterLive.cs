using Rekindle.Rendering;
using Rekindle.Views;

namespace Counter;

/// <summary>A number and two buttons. The count survives reconnects and server restarts.</summary>
public sealed class CounterLive : LiveView
{
    /// <summary>The count; <see cref="RecoverableAttribute"/> puts it in the view's snapshot.</summary>
    [Recoverable]
    public int Count { get; set; }

    /// <inheritdoc/>
    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Counter";
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public override Rendered Render() => Html($"""
        <main>
          <button id="dec" phx-click="dec">-</button>
          <span id="count">{Count}</span>
          <button id="inc" phx-click="inc">+</button>
        </main>
        """);

    /// <inheritdoc/>
    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc": Count++; break;
            case "dec": Count--; break;
            default: return base.HandleEventAsync(name, payload); // an error reply naming the event
        }
        return ValueTask.CompletedTask;
    }
}
