using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>What arrives without a client action: a click schedules a message that, 50 ms later, adds a line and pushes an event.</summary>
public sealed class LaterLive : LiveView
{
    private readonly List<string> _lines = [];

    public override Rendered Render() => Html($"""
        <main>
          <button id="later" phx-click="later">later</button>
          <ul id="lines">{Each(_lines, line => Html($"<li class=\"line\">{line}</li>"))}</ul>
          <p id="summary" class="sum  total"   data-phx-note="x">
            {_lines.Count} lines
          </p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "later")
        {
            return base.HandleEventAsync(name, payload);
        }
        SendAfter("arrived", TimeSpan.FromMilliseconds(50));
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        _lines.Add($"{message} {_lines.Count + 1}");
        PushEvent("arrived", new { count = _lines.Count });
        return ValueTask.CompletedTask;
    }
}
