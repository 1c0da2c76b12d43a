using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// The sticky view of upstream's issue 3047: a stream of items 1 to 10 that "Reset" replaces with
/// items 5 to 15; live navigation between the pages must leave the stream as it is.
/// </summary>
public sealed class Issue3047StickyLive : LiveView
{
    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", Enumerable.Range(1, 10), item => $"items-{item}");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div>
          <h1>This is the sticky liveview</h1>
          <div id="items" phx-update="stream">{StreamEach<int>("items", (id, item) => Html($"<span id=\"{id}\">item-{item}</span>"))}</div>
          <button phx-click="reset">Reset</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "reset")
        {
            return base.HandleEventAsync(name, payload);
        }
        Stream("items", Enumerable.Range(5, 11), item => $"items-{item}", reset: true);
        return ValueTask.CompletedTask;
    }
}
