using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>
/// Upstream's issue 4027: a keyed list inside a component, loaded and then shortened by async work.
/// <c>?case=first</c> unwraps the result in the view and hands the list to the component;
/// <c>?case=second</c> hands the component the async result itself.
/// </summary>
public sealed class Issue4027Live : LiveView
{
    private string _case = "first";

    public AsyncResult<IReadOnlyList<Issue4027Item>> Data { get; set; } = AsyncResult<IReadOnlyList<Issue4027Item>>.Ok([]);

    public override ValueTask MountAsync(MountContext context)
    {
        _case = context.Params.GetValueOrDefault("case") == "second" ? "second" : "first";
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        IReadOnlyList<Issue4027Item>? items = name switch
        {
            "load" => [new(1, "First"), new(2, "Second"), new(3, "Third")],
            "remove" => [new(2, "Second"), new(3, "Third")],
            _ => null,
        };
        if (items is null)
        {
            return base.HandleEventAsync(name, payload);
        }
        AssignAsync(nameof(Data), async cancellationToken =>
        {
            await Task.Delay(100, cancellationToken);
            return items;
        });
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <div>{(_case == "first"
              ? AsyncBlock(Data, data => Html($"{Component<Issue4027ListComponent>("repro", data)}"))
              : Html($"{Component<Issue4027AsyncListComponent>("repro_async", Data)}"))}</div>
          <div>
            <button phx-click="load">Load data</button>
            <button phx-click="remove">Remove first entry</button>
          </div>
        </main>
        """);
}
