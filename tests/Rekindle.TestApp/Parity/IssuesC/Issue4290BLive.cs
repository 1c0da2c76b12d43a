using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4290, the view navigated to: lists every event it receives.</summary>
public sealed class Issue4290BLive : LiveView
{
    private readonly List<string> _events = [];

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (_events.Count < 100)
        {
            _events.Add(name);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <h1>B</h1>
          <span id="event-count">{_events.Count}</span>
          {Each(_events.Select((name, index) => (name, index)), entry => Html($"<div id=\"event-{entry.index}\">{entry.name}</div>"))}
        </main>
        """);
}
