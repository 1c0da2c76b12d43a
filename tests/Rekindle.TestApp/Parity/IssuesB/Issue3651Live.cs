using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3651: an outer hook pushes an event when it mounts while the inner hooked element's
/// id changes right after the connected mount; the inner hook answers each pushed <c>myevent</c> with a
/// <c>reload</c> event, which pushes <c>myevent</c> again. A hook left behind by the id change would
/// answer too, doubling the events each round.
/// </summary>
public sealed class Issue3651Live : LiveView
{
    private int _id = 1;
    private int _counter;

    private sealed record ChangeId;

    public override ValueTask MountAsync(MountContext context)
    {
        if (context.IsConnected)
        {
            SendAfter(new ChangeId(), TimeSpan.Zero);
        }
        PushEvent("myevent", new { });
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is ChangeId)
        {
            _id = 2;
        }
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "lol":
                return ValueTask.CompletedTask;
            case "reload":
                _counter++;
                PushEvent("myevent", new { });
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    public override Rendered Render() => Html($"""
        <div id="main" phx-hook="Issue3651Outer"><div phx-hook="Issue3651Inner" id="id-{_id}"></div>Nested hooks, the inner one with an id that changes.</div>
        <div id="counter">Total Event Calls: <span id="total">{_counter}</span></div>
        <div id="notice" phx-update="ignore">I will disappear if the bug is not present.</div>
        """);
}
