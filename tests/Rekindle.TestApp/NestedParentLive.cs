using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A page with two children of one type (each with a grandchild), which it can hide and show.</summary>
public sealed class NestedParentLive : LiveView
{
    [Recoverable]
    public int Clicks { get; set; }

    [Recoverable]
    public bool ShowRight { get; set; } = true;

    public override Rendered Render() => Html($"""
        <main>
          <span id="parent-clicks">{Clicks}</span>
          <button id="parent-inc" phx-click="inc">+</button>
          <button id="toggle-right" phx-click="toggle">toggle</button>
          <button id="parent-boom" phx-click="boom">boom</button>
          {LiveRender<NestedCounterLive>("left", session: new Dictionary<string, string> { ["name"] = "left" })}
          {(ShowRight ? LiveRender<NestedCounterLive>("right", session: new Dictionary<string, string> { ["name"] = "right" }) : Raw(""))}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "inc": Clicks++; break;
            case "toggle": ShowRight = !ShowRight; break;
            case "boom": throw new InvalidOperationException("boom from the nested views' parent");
            default: return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
