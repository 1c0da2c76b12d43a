using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3530: a stream whose items are nested views, each with a hooked element; patches
/// reset the stream to other items and a click inserts a new one, so nested views come and go with
/// their hooks.
/// </summary>
public sealed class Issue3530Live : LiveView
{
    private int _count = 3;

    private static string DomId(int id) => "item-" + id.ToString(CultureInfo.InvariantCulture);

    public override ValueTask MountAsync(MountContext context)
    {
        Stream<int>("items", [], DomId);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        int[] items = parameters.GetValueOrDefault("q") switch
        {
            "a" => [1, 3],
            "b" => [2, 3],
            _ => [1, 2, 3],
        };
        Stream("items", items, DomId, reset: true);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        _count++;
        StreamInsert("items", _count);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <ul id="stream-list" phx-update="stream">{StreamEach<int>("items", (id, item) => Html($"{LiveRender<Issue3530NestedLive>(id, session: new Dictionary<string, string> { ["item_id"] = item.ToString(CultureInfo.InvariantCulture) })}"))}</ul>
        <a href="/test/parity/issue-3530?q=a" data-phx-link="patch" data-phx-link-state="push">patch a</a>
        <a href="/test/parity/issue-3530?q=b" data-phx-link="patch" data-phx-link-state="push">patch b</a>
        <div id="inc" phx-click="inc">+</div>
        """);
}
