using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// Automatic recovery beyond forms: the step, a dialog's open state and a component's picks are
/// [Recoverable]; the form of step 2 only exists once the state says so, so the client's form
/// recovery can only land on it if the join reply is the restored render.
/// </summary>
public sealed class WizardLive : LiveView
{
    [Recoverable]
    public int Step { get; set; } = 1;

    [Recoverable]
    private bool _dialogOpen;

    private string _shipping = "";

    public override Rendered Render() => Html($"""
        <main>
          <p id="step">step {Step}</p>
          <button id="next" phx-click="next">next</button>
          <button id="open-dialog" phx-click="open_dialog">open dialog</button>
          {(Step >= 2 ? Html($"""
            <form id="shipping-form" phx-change="shipping_changed">
              <input id="address" type="text" name="address" value="{_shipping}">
            </form>
            """) : Html($"<p id=\"no-form\">no form yet</p>"))}
          <p id="shipping-echo">{_shipping}</p>
          {(_dialogOpen ? Html($"""<div id="dialog" role="dialog">{Component<PickerComponent>("picker")}</div>""") : Html($""))}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "next":
                Step++;
                break;
            case "open_dialog":
                _dialogOpen = true;
                break;
            case "shipping_changed":
                _shipping = payload.Form?["address"] ?? "";
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
