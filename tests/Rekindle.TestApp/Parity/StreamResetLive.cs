using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Stream resets, bulk and indexed inserts and inserts of items the client already shows, over items
/// A to D (issue 17, "the rest of the upstream specs"). Each item carries the number of resets in
/// <c>data-count</c>, so a reset that keeps an element must still patch its attributes;
/// <c>?phx-remove</c> gives every item a <c>phx-remove</c> that hides it, <c>?phx-remove=transition</c>
/// one that runs the class <c>item-removing</c> for a second; each item's "hide" button hides it with a
/// JS command and its "delete" button deletes it from the stream. <c>?empty-item</c> puts an element
/// that is no stream item, <c>#items-empty</c>, after the items, shown only when it is alone.
/// <c>#navigate-away</c> navigates live to <c>/test/pages/1</c>.
/// </summary>
public sealed class StreamResetLive : LiveView
{
    private const string EmptyItemStyle = "<style>#items-empty { display: none } #items-empty:only-child { display: block }</style>";
    private static readonly Item[] s_all = [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")];

    private int _resets;
    private int _added;
    private string? _phxRemove;
    private bool _emptyItem;

    public sealed record Item(string Id, string Name);

    public override ValueTask MountAsync(MountContext context)
    {
        _phxRemove = context.Params.TryGetValue("phx-remove", out var remove)
            ? (remove == "transition" ? JS.Transition("item-removing", time: 1000) : JS.Hide()).ToString()
            : null;
        _emptyItem = context.Params.ContainsKey("empty-item");
        Stream("items", s_all, DomId);
        return ValueTask.CompletedTask;
    }

    private static string DomId(Item item) => $"items-{item.Id}";

    public override Rendered Render() => Html($"""
        <main>
          <ul id="thelist" phx-update="stream">{StreamEach<Item>("items", (id, item) => Html($"<li id=\"{id}\" data-count=\"{_resets}\"{Attr("phx-remove", _phxRemove)}>{item.Name}<button class=\"hide\" phx-click=\"{JS.Hide(to: "#" + id)}\">hide</button><button class=\"delete\" phx-click=\"delete\" phx-value-id=\"{id}\">delete</button></li>"))}{EmptyItem()}</ul>
          {Raw(EmptyItemStyle)}
          <button id="filter" phx-click="filter">Filter</button>
          <button id="reorder" phx-click="reorder">Reorder</button>
          <button id="reset" phx-click="reset">Reset</button>
          <button id="clear" phx-click="clear">Clear</button>
          <button id="replace" phx-click="replace">Replace</button>
          <button id="prepend" phx-click="prepend">Prepend</button>
          <button id="append" phx-click="append">Append</button>
          <button id="bulk-insert" phx-click="bulk_insert">Bulk insert</button>
          <button id="bulk-insert-negative" phx-click="bulk_insert_negative">Bulk insert at -1</button>
          <button id="insert-at-one" phx-click="insert_at_one">Insert at 1</button>
          <button id="insert-c-at-one" phx-click="insert_existing_at_one">Insert C at 1</button>
          <button id="move-c-to-one" phx-click="delete_insert_existing_at_one">Delete C and insert at 1</button>
          <button id="prepend-c" phx-click="prepend_existing">Prepend C</button>
          <button id="append-c" phx-click="append_existing">Append C</button>
          <a id="navigate-away" href="/test/pages/1" data-phx-link="redirect" data-phx-link-state="push">Navigate away</a>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        var c = s_all[2];
        switch (name)
        {
            case "filter":
                ResetTo(s_all[1..]);
                break;
            case "reorder":
                ResetTo([s_all[1], s_all[0], s_all[2], s_all[3]]);
                break;
            case "reset":
                ResetTo(s_all);
                break;
            case "clear":
                ResetTo([]);
                break;
            case "replace":
                ResetTo([new("e", "E"), s_all[0], new("f", "F"), new("g", "G")]);
                break;
            case "prepend":
                StreamInsert("items", Added(), at: 0);
                break;
            case "append":
                StreamInsert("items", Added(), at: -1);
                break;
            case "bulk_insert":
                // Each item goes in at index 1 in turn, so the list is given last first.
                Stream("items", new Item[] { new("g", "G"), new("f", "F"), new("e", "E") }, DomId, at: 1);
                break;
            case "bulk_insert_negative":
                Stream("items", new Item[] { new("e", "E"), new("f", "F"), new("g", "G") }, DomId, at: -1);
                break;
            case "insert_at_one":
                StreamInsert("items", Added(), at: 1);
                break;
            case "insert_existing_at_one":
                StreamInsert("items", c, at: 1);
                break;
            case "delete_insert_existing_at_one":
                StreamDelete("items", c);
                StreamInsert("items", c, at: 1);
                break;
            case "prepend_existing":
                StreamInsert("items", c, at: 0);
                break;
            case "append_existing":
                StreamInsert("items", c, at: -1);
                break;
            case "delete" when payload.GetString("id") is { } id:
                StreamDeleteByDomId("items", id);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    private Rendered EmptyItem() => _emptyItem ? Html($"<li id=\"items-empty\">Empty!</li>") : Html($"");

    private void ResetTo(Item[] items)
    {
        _resets++;
        Stream("items", items, DomId, reset: true);
    }

    private Item Added()
    {
        _added++;
        return new Item($"a-{_added}", $"added {_added}");
    }
}
