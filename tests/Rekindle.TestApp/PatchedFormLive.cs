using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// One view on two routes (<c>/test/patched-form</c> and <c>/test/patched-form/edit/{id}</c>), with a
/// <c>JS.patch</c> from the first to the second and a form whose draft lives only in the browser
/// until form recovery sends it back after a rejoin. Its state is not [Recoverable] on purpose.
/// </summary>
public sealed class PatchedFormLive : LiveView
{
    private string _id = "";
    private string _draft = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _id = parameters.GetValueOrDefault("id") ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <p id="editing">{(_id.Length == 0 ? "none" : _id)}</p>
          <button id="edit" phx-click="{JS.Patch("/test/patched-form/edit/7")}">edit 7</button>
          <form id="draft-form" phx-change="draft">
            <input id="draft" type="text" name="draft" value="{_draft}">
          </form>
          <p id="draft-echo">{_draft}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "draft")
        {
            return base.HandleEventAsync(name, payload);
        }
        _draft = payload.Form?["draft"] ?? "";
        return ValueTask.CompletedTask;
    }
}
