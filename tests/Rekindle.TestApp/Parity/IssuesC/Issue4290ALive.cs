using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4290, the view navigated away from: a slow <c>phx-remove</c> keeps its form on the page while <see cref="Issue4290BLive"/> joins.</summary>
public sealed class Issue4290ALive : LiveView
{
    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "navigate":
                PushNavigate("/test/parity/issue-4290/b");
                return ValueTask.CompletedTask;
            case "validate":
                return ValueTask.CompletedTask;
            default:
                return base.HandleEventAsync(name, payload);
        }
    }

    public override Rendered Render() => Html($"""
        <main>
          <h1>A</h1>
          <div id="slow-remove" phx-remove="{JS.Transition("fade-out", time: 1500)}">removed with transition</div>
          <form id="form" phx-change="validate"><input type="text" name="name"></form>
          <button phx-click="navigate">Navigate</button>
        </main>
        """);
}
