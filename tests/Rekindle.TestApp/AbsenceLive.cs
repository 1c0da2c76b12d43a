using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A [Recoverable] count, and a notice when a rejoin could not restore it (<see cref="LiveView.OnStateNotRestoredAsync"/>).</summary>
public sealed class AbsenceLive : LiveView
{
    private string _notice = "";

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask OnStateNotRestoredAsync(string reason)
    {
        _notice = $"Started over: {reason}";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="notice">{_notice}</p>
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
