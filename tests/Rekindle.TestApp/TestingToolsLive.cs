using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// What Rekindle.Testing's own tests need beside the sample: a component that comes and goes (the
/// client's destroy handshake), pushed events, a hook event with a reply, a JS command push, and
/// a form whose field names have brackets.
/// </summary>
public sealed class TestingToolsLive : LiveView
{
    private bool _pickerShown;
    private int _hookCalls;
    private string _echo = "";

    public override Rendered Render() => Html($"""
        <main>
          <button id="toggle-picker" phx-click="toggle_picker">toggle</button>
          {(_pickerShown ? Html($"""<div id="dialog">{Component<PickerComponent>("picker")}</div>""") : null)}
          <button id="notify" phx-click="notify" phx-value-level="high">notify</button>
          <button id="js-push" phx-click="{Raw("[[&quot;push&quot;,{&quot;event&quot;:&quot;echo&quot;,&quot;value&quot;:{&quot;from&quot;:&quot;js&quot;}}]]")}">js</button>
          <p id="hook-calls">{_hookCalls}</p>
          <p id="echo">{_echo}</p>
          <form id="profile" phx-change="echo_form" phx-submit="echo_form">
            <input type="hidden" name="user[id]" value="7">
            <input name="user[name]" value="Ada">
            <input type="checkbox" name="user[admin]" value="yes">
            <select name="user[role]"><option value="a">A</option><option value="b" selected>B</option></select>
            <textarea name="user[bio]">Hello</textarea>
          </form>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "toggle_picker":
                _pickerShown = !_pickerShown;
                break;
            case "notify":
                PushEvent("notified", new { level = payload.GetString("level") });
                break;
            case "echo":
                _echo = $"{payload.GetString("from")}:{payload.GetString("value")}";
                break;
            case "echo_form":
                _echo = payload.Form is { } form ? string.Join("&", form.Names.Select(field => $"{field}={form[field]}{(form.IsUnused(field) ? " (unused)" : "")}")) + $"|target={form.Target}" : "";
                break;
            case "ping":
                _hookCalls++;
                Reply(new { pong = _hookCalls });
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
