using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Key, window-key, focus and blur bindings, echoing the last of each.</summary>
public sealed class KeysLive : LiveView
{
    private string _lastKey = "";
    private string _lastWindowKey = "";
    private string _focus = "";

    public override Rendered Render() => Html($"""
        <section phx-window-keydown="window_key" phx-key="Escape">
          <input id="keys" type="text" phx-keyup="key" phx-focus="focus" phx-blur="blur">
          <span id="last-key">{_lastKey}</span>
          <span id="window-key">{_lastWindowKey}</span>
          <span id="focus">{_focus}</span>
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "key":
                _lastKey = $"{payload.Key}:{payload.GetString("value")}";
                break;
            case "window_key":
                _lastWindowKey = payload.Key ?? "";
                break;
            case "focus" or "blur":
                _focus = name;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
