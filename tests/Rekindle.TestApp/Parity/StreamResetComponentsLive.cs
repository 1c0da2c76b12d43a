using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A stream whose direct children are <see cref="StreamItemComponent"/>s, reset into a new order that keeps one of them.</summary>
public sealed class StreamResetComponentsLive : LiveView
{
    public sealed record Item(string Id, string Name);

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", [new Item("a", "A"), new Item("b", "B"), new Item("c", "C"), new Item("d", "D")], DomId);
        return ValueTask.CompletedTask;
    }

    private static string DomId(Item item) => $"items-{item.Id}";

    public override Rendered Render() => Html($"""
        <main>
          <ul id="thelist" phx-update="stream">{StreamEach<Item>("items", (id, item) => Html($"{Component<StreamItemComponent>(id, new { item.Name })}"))}</ul>
          <button id="reorder" phx-click="reorder">Reorder</button>
        </main>
        """);

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
