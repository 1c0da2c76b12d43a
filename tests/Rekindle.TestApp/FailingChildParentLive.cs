using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A page whose nested view cannot join.</summary>
public sealed class FailingChildParentLive : LiveView
{
    private int _clicks;

    public override Rendered Render() => Html($"""
        <main>
          <span id="parent-clicks">{_clicks}</span>
          <button id="parent-inc" phx-click="inc">+</button>
          {LiveRender<FailingChildLive>("failing")}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        _clicks++;
        return ValueTask.CompletedTask;
    }
}
