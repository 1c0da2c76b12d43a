using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A keyed list with add, remove and reorder, to see comprehension diffs in the browser.</summary>
public sealed class ListLive : LiveView
{
    private readonly List<(int Id, string Name)> _items = [(1, "Milk"), (2, "Eggs")];
    private int _nextId = 3;

    public override Rendered Render() => Html($"""
        <section>
          <button id="add" phx-click="add">add</button>
          <button id="reverse" phx-click="reverse">reverse</button>
          <button id="remove-first" phx-click="remove_first">remove first</button>
          <ul id="items">{Each(_items, item => item.Id, item => Html($"<li id=\"item-{item.Id}\">{item.Name}</li>"))}</ul>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "add":
                _items.Add((_nextId, $"Item {_nextId}"));
                _nextId++;
                break;
            case "reverse":
                _items.Reverse();
                break;
            case "remove_first" when _items.Count > 0:
                _items.RemoveAt(0);
                break;
            case "remove_first":
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
