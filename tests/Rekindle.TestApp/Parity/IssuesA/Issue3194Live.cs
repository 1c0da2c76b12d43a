using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3194: a form whose input sends its change only on blur (<c>phx-debounce="blur"</c>);
/// its submit navigates live to <see cref="Issue3194OtherLive"/>, so the input's pending change fires
/// while the view it belonged to is leaving.
/// </summary>
public sealed class Issue3194Live : LiveView
{
    public override Rendered Render() => Html($"""
        <main>
          <form id="foo-form" phx-change="validate" phx-submit="submit">
            <input id="foo_store_number" name="foo[store_number]" value="" type="text" phx-debounce="blur">
          </form>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                break;
            case "submit":
                PushNavigate("/test/parity/issue-3194/other");
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
