using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A form whose submit button says "Saving..." while the submit is in flight (<c>phx-disable-with</c>).</summary>
public sealed class SlowFormLive : LiveView
{
    private string _saved = "";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "save")
        {
            return base.HandleEventAsync(name, payload);
        }
        _saved = payload.Form?["title"] ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="slow-form" phx-submit="save">
            <input name="title" value="">
            <button id="save" type="submit" phx-disable-with="Saving...">Save</button>
          </form>
          <p id="saved">{_saved}</p>
        </main>
        """);
}
