using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3107: a form with a select (no name) and a disabled button that the form's first
/// change enables; the patch that enables it must keep the option the user chose.
/// </summary>
public sealed class Issue3107Live : LiveView
{
    private bool _disabled = true;

    public override Rendered Render() => Html($"""
        <main>
          <form id="form" phx-change="validate" style="display: flex;">
            <select>
              <option value="ONE">ONE</option>
              <option value="TWO">TWO</option>
            </select>
            <button{Attr("disabled", _disabled)}>OK</button>
          </form>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "validate")
        {
            return base.HandleEventAsync(name, payload);
        }
        _disabled = false;
        return ValueTask.CompletedTask;
    }
}
