using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A stream mounted empty, filled when async work started on mount completes, and rendered inside a
/// one-entry comprehension (issue 17, item 13; upstream's issue 3129).
/// </summary>
public sealed class StreamInsideForLive : LiveView
{
    public sealed record Item(string Id, string Name);

    private static string DomId(Item item) => $"items-{item.Id}";

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", Array.Empty<Item>(), DomId);
        StartAsync("load", _ => Task.FromResult(true));
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleAsyncResultAsync(string name, AsyncResult<object?> result)
    {
        if (name != "load")
        {
            return base.HandleAsyncResultAsync(name, result);
        }
        Stream("items", [new Item("a", "A"), new Item("b", "B"), new Item("c", "C"), new Item("d", "D")], DomId);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          {Each(new[] { 1 }, _ => ItemList())}
        </main>
        """);

    private Rendered ItemList() =>
        Html($"<div><ul id=\"thelist\" phx-update=\"stream\">{StreamEach<Item>("items", (id, item) => Html($"<li id=\"{id}\">{item.Name}</li>"))}</ul></div>");
}
