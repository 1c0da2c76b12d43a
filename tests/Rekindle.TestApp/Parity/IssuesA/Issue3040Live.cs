using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3040: a modal opened by a patch link (<c>?modal=true</c>), shown by
/// <c>phx-mounted</c> and focusing its first input, holding a form; it closes (a patch back) on a click
/// outside its box (<c>phx-click-away</c>), on Escape and on its close button. Submitting the form
/// must not count as a click away.
/// </summary>
public sealed class Issue3040Live : LiveView
{
    private const string Path = "/test/parity/issue-3040";
    private const string Id = "my-modal";

    private const string Style = """
        <style>
          .fixed { position: fixed } .absolute { position: absolute } .relative { position: relative }
          .inset-0 { inset: 0 } .z-50 { z-index: 50 } .hidden { display: none }
          .flex { display: flex } .min-h-full { min-height: 100% } .items-center { align-items: center }
          .justify-center { justify-content: center } .w-full { width: 100% } .max-w-3xl { max-width: 48rem }
          .box { background: #e5e7eb; padding: 3.5rem; border-radius: 1rem }
          .backdrop { background: rgb(250 250 250 / 0.9) }
        </style>
        """;

    private bool _modalOpen;
    private bool _submitted;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _modalOpen = parameters.ContainsKey("modal");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          {Raw(Style)}
          <a href="{Path}?modal=true" data-phx-link="patch" data-phx-link-state="push">Add new</a>
          {(_modalOpen ? Modal() : Html($""))}
        </main>
        """);

    private Rendered Modal()
    {
        var cancel = JS.Exec("data-cancel", to: "#" + Id);
        return Html($"""
            <div id="{Id}" phx-mounted="{ShowModal()}" phx-remove="{HideModal()}" data-cancel="{JS.Patch(Path).Exec("phx-remove")}" class="relative z-50 hidden">
              <div id="{Id}-bg" class="backdrop fixed inset-0" aria-hidden="true"></div>
              <div class="fixed inset-0" role="dialog" aria-modal="true" tabindex="0">
                <div class="flex min-h-full items-center justify-center">
                  <div class="w-full max-w-3xl">
                    <div id="{Id}-container" phx-hook="Phoenix.FocusWrap" phx-window-keydown="{cancel}" phx-key="escape" phx-click-away="{cancel}" class="box relative hidden">
                      <span id="{Id}-container-start" tabindex="0" aria-hidden="true"></span>
                      <button type="button" phx-click="{cancel}" aria-label="close">x</button>
                      <div id="{Id}-content">
                        <form id="modal-form" phx-submit="submit">
                          <input type="text" name="name">
                          {(_submitted ? Html($"<p>Form was submitted!</p>") : Html($""))}
                        </form>
                      </div>
                      <span id="{Id}-container-end" tabindex="0" aria-hidden="true"></span>
                    </div>
                  </div>
                </div>
              </div>
            </div>
            """);
    }

    private static JsCommand ShowModal() => JS
        .Show(to: "#" + Id)
        .Show(to: $"#{Id}-bg", transition: "transition-all transform ease-out duration-300")
        .Show(to: $"#{Id}-container", transition: "transition-all transform ease-out duration-300")
        .AddClass("overflow-hidden", to: "body")
        .FocusFirst(to: $"#{Id}-content");

    private static JsCommand HideModal() => JS
        .Hide(to: $"#{Id}-bg", transition: "transition-all transform ease-in duration-200")
        .Hide(to: $"#{Id}-container", time: 200, transition: "transition-all transform ease-in duration-200")
        .Hide(to: "#" + Id, transition: "block")
        .RemoveClass("overflow-hidden", to: "body")
        .PopFocus();

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "submit")
        {
            return base.HandleEventAsync(name, payload);
        }
        _submitted = true;
        return ValueTask.CompletedTask;
    }
}
