using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.BenchApp;

/// <summary>The Blazor template's Counter page: same markup contract (<c>[role=status]</c>, <c>button.btn-primary</c>).</summary>
public sealed class CounterLive : LiveView, IDisposable
{
    [Recoverable]
    public int CurrentCount { get; set; }

    private bool _counted;

    /// <summary>Called by the runtime when the view's life ends (leave, closed socket, crash).</summary>
    public void Dispose() => BenchStats.ViewEnded(ref _counted);

    public override ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Counter";
        _counted = context.IsConnected && BenchStats.ViewMounted();
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <h1>Counter</h1>
        <p role="status">Current count: {CurrentCount}</p>
        <button class="btn btn-primary" phx-click="inc">Click me</button>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        CurrentCount++;
        return ValueTask.CompletedTask;
    }
}
