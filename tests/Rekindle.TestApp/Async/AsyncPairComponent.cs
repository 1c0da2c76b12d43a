using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Async;

/// <summary>A component loading two values with one multi-key AssignAsync, released by a click targeted at it.</summary>
public sealed class AsyncPairComponent : LiveComponent
{
    private readonly AsyncGate _gate = new();

    public AsyncResult<string> Title { get; set; } = AsyncResult<string>.Loading();

    public AsyncResult<int> Pages { get; set; } = AsyncResult<int>.Loading();

    public override ValueTask MountAsync()
    {
        var work = _gate.NextWork();
        AssignAsync([nameof(Title), nameof(Pages)], async cancellationToken =>
        {
            var title = await work(cancellationToken);
            return new Dictionary<string, object?> { [nameof(Title)] = title, [nameof(Pages)] = title.Length };
        });
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="pair">
          <span id="pair-value">{AsyncBlock(Title, title => Html($"{title}, {Pages.Value} pages"), loading: () => Html($"pair loading"))}</span>
          <button id="release-pair" phx-click="release" phx-target="{Myself}">release pair</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "release")
        {
            return base.HandleEventAsync(name, payload);
        }
        _gate.Release("dune");
        return ValueTask.CompletedTask;
    }
}
