using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A stream whose direct children are <see cref="StreamItemComponent"/>s (with <c>?nested</c>,
/// <see cref="NestedStreamItemComponent"/>s, each with a stream of its own), reset into a new order
/// that keeps one of them.
/// </summary>
public sealed class StreamResetComponentsLive : LiveView
{
    private bool _nested;

    public sealed record Item(string Id, string Name);

    public override ValueTask MountAsync(MountContext context)
    {
        _nested = context.Params.ContainsKey("nested");
        Stream("items", [new Item("a", "A"), new Item("b", "B"), new Item("c", "C"), new Item("d", "D")], DomId);
        return ValueTask.CompletedTask;
    }

    private static string DomId(Item item) => $"items-{item.Id}";

    public override Rendered Render() => Html($"""
        <main>
          <ul id="thelist" phx-update="stream">{StreamEach<Item>("items", RenderItem)}</ul>
          <button id="reorder" phx-click="reorder">Reorder</button>
        </main>
        """);

    private Rendered RenderItem(string id, Item item) => _nested
        ? Html($"{Component<NestedStreamItemComponent>(id, new { item.Name })}")
        : Html($"{Component<StreamItemComponent>(id, new { item.Name })}");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "reorder")
        {
            return base.HandleEventAsync(name, payload);
        }
        Stream("items", [new Item("e", "E"), new Item("a", "A"), new Item("f", "F"), new Item("g", "G")], DomId, reset: true);
        return ValueTask.CompletedTask;
    }
}
