using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4121: a stream teleported to the body, reset by an event.</summary>
public sealed class Issue4121Live : LiveView
{
    private int _next = 3;

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", new[] { 1, 2 }, DomId);
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "reset-stream")
        {
            return base.HandleEventAsync(name, payload);
        }
        Stream("items", new[] { _next++ }, DomId, reset: true);
        return ValueTask.CompletedTask;
    }

    private static string DomId(int id) => "items-" + id.ToString(CultureInfo.InvariantCulture);

    public override Rendered Render() => Html($"""
        <main>
          <button phx-click="reset-stream">Reset teleported stream</button>
          {Portal("teleported-stream", "body", Html($"<ul id=\"stream-in-lv\" phx-update=\"stream\">{StreamEach<int>("items", (id, item) => Html($"<li id=\"{id}\">Item {item}</li>"))}</ul>"))}
        </main>
        """);
}
