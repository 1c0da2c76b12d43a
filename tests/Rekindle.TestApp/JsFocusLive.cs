using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// The rest of the JS command set: a focus-wrapped dialog that remembers and restores focus, attribute
/// toggles, attributes kept across server patches, a transition and commands reused through an attribute.
/// </summary>
public sealed class JsFocusLive : LiveView
{
    private int _bumps;

    public override Rendered Render() => Html($"""
        <main>
          <button id="open-dialog" phx-click="{JS.PushFocus().Show("#dialog").FocusFirst("#dialog")}">open dialog</button>
          <div id="dialog" style="display: none">
            {FocusWrap("dialog-wrap", DialogFields())}
          </div>
          <button id="expand" phx-click="{JS.ToggleAttribute("aria-expanded", "true", "false", to: "#menu")}">expand</button>
          <div id="menu" aria-expanded="false">menu</div>
          <button id="reveal" phx-click="{JS.ToggleAttribute("open", "", to: "#toggled")}">reveal</button>
          <details id="toggled"><summary>toggled</summary><p id="toggled-body">toggled body</p></details>
          <details id="kept" phx-mounted="{JS.IgnoreAttributes(["open"])}" data-bumps="{_bumps}"><summary id="kept-summary">kept</summary><p id="kept-body">kept body</p></details>
          <details id="reset" data-bumps="{_bumps}"><summary id="reset-summary">reset</summary><p id="reset-body">reset body</p></details>
          <button id="bump" phx-click="bump">bump</button>
          <span id="bumps">{_bumps}</span>
          <button id="shake" phx-click="{JS.Transition("shaking", to: "#card", time: 400)}">shake</button>
          <div id="card">card</div>
          <div id="commands" data-show="{JS.Show("#panel")}" data-hide="{JS.Hide("#panel")}"></div>
          <button id="exec-show" phx-click="{JS.Exec("data-show", to: "#commands")}">exec show</button>
          <button id="exec-hide" phx-click="{JS.Exec("data-hide", to: "#commands")}">exec hide</button>
          <div id="panel" style="display: none">panel</div>
        </main>
        """);

    private static Rendered DialogFields() => Html($"""
        <input id="first" name="first">
        <input id="second" name="second">
        <button id="close-dialog" phx-click="{JS.Hide("#dialog").PopFocus()}">close</button>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "bump")
        {
            return base.HandleEventAsync(name, payload);
        }
        _bumps++;
        return ValueTask.CompletedTask;
    }
}
