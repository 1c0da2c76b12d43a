using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>JS commands: visibility and classes changed on the client, and a push the server handles.</summary>
public sealed class JsCommandsLive : LiveView
{
    private int _count;

    public override Rendered Render() => Html($"""
        <main>
          <button id="show" phx-click="{JS.Show("#panel")}">show</button>
          <button id="hide" phx-click="{JS.Hide("#panel")}">hide</button>
          <button id="toggle" phx-click="{JS.Toggle("#panel")}">toggle</button>
          <div id="panel" style="display: none">panel</div>
          <div id="box" class="box">box</div>
          <button id="open" phx-click="{JS.AddClass("open", to: "#box").Push("inc", value: new { by = 2 })}">open</button>
          <button id="close" phx-click="{JS.RemoveClass("open", to: "#box")}">close</button>
          <span id="count">{_count}</span>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        _count += int.Parse(payload.GetString("by") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }
}
