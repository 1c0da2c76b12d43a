using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3941: checkboxes select which items show; each shown item is a component whose
/// hook pushes an event to the view when it mounts (locking the item's element) while its nested
/// header component loads asynchronously, so the header's component-only patch lands in a locked tree.
/// </summary>
public sealed class Issue3941Live : LiveView
{
    private static readonly string[] s_all = ["Item_1", "Item_2"];
    private List<string> _selected = [.. s_all];

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "toggle_item" when payload.GetString("clicked") is { } clicked && s_all.Contains(clicked):
                _selected.Remove(clicked);
                if (payload.GetString("value") is { } value && s_all.Contains(value))
                {
                    _selected.Add(value);
                }
                _selected = [.. _selected.Distinct().Order(StringComparer.Ordinal)];
                return ValueTask.CompletedTask;
            case "page_position_update":
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    public override Rendered Render() => Html($"""
        {Each(s_all, item => item, item => Html($"""<div><label for="item-select-{item}"><input type="checkbox" phx-click="toggle_item" phx-value-clicked="{item}" id="select-{item}" name="select" value="{item}"{Attr("checked", _selected.Contains(item))}>{item}</label></div>"""))}
        {Each(_selected, item => item, item => Html($"<div>{Component<Issue3941Item>($"item-{item}", new { Item = item })}</div>"))}
        """);
}
