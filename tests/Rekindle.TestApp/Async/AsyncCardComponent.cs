using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Async;

/// <summary>A component loading its own value with AssignAsync, released by a click targeted at it.</summary>
public sealed class AsyncCardComponent : LiveComponent
{
    private readonly AsyncGate _gate = new();

    public AsyncResult<string> Card { get; set; } = AsyncResult<string>.Loading();

    public override ValueTask MountAsync()
    {
        AssignAsync(nameof(Card), _gate.NextWork());
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="card">
          <span id="card-value">{AsyncBlock(Card, card => Html($"{card}"), loading: () => Html($"card loading"))}</span>
          <button id="release-card" phx-click="release" phx-target="{Myself}">release card</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "release")
        {
            return base.HandleEventAsync(name, payload);
        }
        _gate.Release("card ready");
        return ValueTask.CompletedTask;
    }
}
