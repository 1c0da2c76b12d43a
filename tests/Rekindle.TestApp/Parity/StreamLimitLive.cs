using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Stream limits and update-only inserts (issue 17, item 13): items 1 to 10 streamed on mount with
/// limit -5; the form sets the <c>at</c> and <c>limit</c> the buttons insert with. The client enforces
/// the limit, so the dead render holds all ten. <c>?spaced</c> writes the list over several lines, so
/// its container holds whitespace with line breaks around the items.
/// </summary>
public sealed class StreamLimitLive : LiveView
{
    private int _at = -1;
    private int _limit = -5;
    private int _next = 11;
    private bool _spaced;

    public sealed record Item(int Id, string Text);

    public override ValueTask MountAsync(MountContext context)
    {
        _spaced = context.Params.ContainsKey("spaced");
        Stream("items", Enumerable.Range(1, 10).Select(Numbered), DomId, at: _at, limit: _limit);
        return ValueTask.CompletedTask;
    }

    private static Item Numbered(int id) => new(id, id.ToString(CultureInfo.InvariantCulture));

    private static string DomId(Item item) => $"items-{item.Id}";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "options":
                _at = int.TryParse(payload.Form?["at"], CultureInfo.InvariantCulture, out var at) ? at : _at;
                _limit = int.TryParse(payload.Form?["limit"], CultureInfo.InvariantCulture, out var limit) ? limit : _limit;
                break;
            case "add_1":
                StreamInsert("items", Numbered(_next++), _at, _limit);
                break;
            case "add_10":
                Stream("items", Enumerable.Range(_next, 10).Select(Numbered), DomId, _at, _limit);
                _next += 10;
                break;
            case "recreate":
                _next = 11;
                Stream("items", Enumerable.Range(1, 10).Select(Numbered), DomId, _at, _limit, reset: true);
                break;
            case "clear":
                _next = 1;
                Stream("items", Array.Empty<Item>(), DomId, reset: true);
                break;
            case "update_only_new":
                StreamInsert("items", new Item(99, "99"), updateOnly: true);
                break;
            case "update_only_existing":
                StreamInsert("items", new Item(8, "8 (updated)"), updateOnly: true);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="options" phx-change="options">
            <input name="at" value="{_at}">
            <input name="limit" value="{_limit}">
          </form>
          <button id="add-1" phx-click="add_1">add 1</button>
          <button id="add-10" phx-click="add_10">add 10</button>
          <button id="recreate" phx-click="recreate">recreate stream</button>
          <button id="clear" phx-click="clear">clear</button>
          <button id="update-only-new" phx-click="update_only_new">add 99 (update only)</button>
          <button id="update-only-existing" phx-click="update_only_existing">update 8 (update only)</button>
          {(_spaced ? SpacedList() : Html($"<ul id=\"items\" phx-update=\"stream\">{StreamEach<Item>("items", RenderItem)}</ul>"))}
        </main>
        """);

    private Rendered SpacedList() => Html($"""
        <ul id="items" phx-update="stream">
          {StreamEach<Item>("items", RenderItem)}
        </ul>
        """);

    private static Rendered RenderItem(string id, Item item) => Html($"<li id=\"{id}\">{item.Text}</li>");
}
