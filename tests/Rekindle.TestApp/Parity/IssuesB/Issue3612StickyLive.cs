using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The sticky view of upstream's issue 3612: its links navigate the page with <c>PushNavigate</c> from its own events.</summary>
public sealed class Issue3612StickyLive : LiveView
{
    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "navigate_to_a":
                PushNavigate("/test/parity/issue-3612/a");
                return ValueTask.CompletedTask;
            case "navigate_to_b":
                PushNavigate("/test/parity/issue-3612/b");
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    public override Rendered Render() => Html($"""
        <div>
          <a href="#" phx-click="navigate_to_a">Go to page A</a>
          <a href="#" phx-click="navigate_to_b">Go to page B</a>
        </div>
        """);
}
