using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4095: a form whose portal shows a button while the form's field has a value.</summary>
public sealed class Issue4095Live : LiveView
{
    private string? _show = "true";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "validate" || payload.Form is not { } form)
        {
            return base.HandleEventAsync(name, payload);
        }
        _show = form["show?"];
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="form" phx-change="validate">
            <input type="text" name="show?" id="show" value="{_show}">
            {Portal("portal", "#portal_target", Html($"<div id=\"portal-content\">{(_show is null ? Html($"") : Html($"<button>Show?</button>"))}</div>"))}
          </form>
          <div id="portal_target"></div>
        </main>
        """);
}
