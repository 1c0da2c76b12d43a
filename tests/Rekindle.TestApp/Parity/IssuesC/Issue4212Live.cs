using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4212: a stream of custom elements (<see cref="IssuesCScript"/>'s <c>lv-custom-el</c>) with inserts at index 1.</summary>
public sealed class Issue4212Live : LiveView
{
    private int _counter;

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", new[] { "a", "b", "c" }, DomId);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "insert_at_1")
        {
            return base.HandleEventAsync(name, payload);
        }
        _counter++;
        StreamInsert("items", $"new{_counter}", at: 1);
        return ValueTask.CompletedTask;
    }

    private static string DomId(string id) => "items-" + id;

    public override Rendered Render() => Html($"""
        <main>
          <button id="insert-at-1" phx-click="insert_at_1">Insert at 1</button>
          <ul id="items" phx-update="stream">{StreamEach<string>("items", (domId, item) => Html($"<li id=\"{domId}\"><lv-custom-el id=\"el-{item}\">{item.ToUpperInvariant()}</lv-custom-el></li>"))}</ul>
        </main>
        """);
}
