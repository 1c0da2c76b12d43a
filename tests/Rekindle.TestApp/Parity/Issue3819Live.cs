using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Upstream's issue 3819: a form with an id and <c>phx-change</c> but no fields, so form recovery has
/// nothing to send; the event <c>reconnected</c> shows <c>#reconnected</c>.
/// </summary>
public sealed class Issue3819Live : LiveView
{
    private bool _reconnected;

    public override Rendered Render() => Html($"""
        <main>
          <form id="recover" phx-change="validate" phx-submit="save"><button>Submit</button></form>
          {(_reconnected ? Html($"<p id=\"reconnected\">Reconnected!</p>") : Html($""))}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate" or "save":
                break;
            case "reconnected":
                _reconnected = true;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
