using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Flash messages: put, cleared by a click, carried across a live navigation and a redirect.</summary>
public sealed class FlashLive : LiveView
{
    public override Rendered Render() => Html($"""
        <main>
          {FlashGroup()}
          <button id="put-info" phx-click="put" phx-value-kind="info">info</button>
          <button id="put-error" phx-click="put" phx-value-kind="error">error</button>
          <button id="navigate" phx-click="navigate">navigate with flash</button>
          <button id="redirect" phx-click="redirect">redirect with flash</button>
          <a id="to-patch-on-mount" href="/test/patch-on-mount" data-phx-link="redirect" data-phx-link-state="push">mount patches</a>
          <a id="to-mount-navigate" href="/test/mount-navigate" data-phx-link="redirect" data-phx-link-state="push">mount navigates</a>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "put":
                var kind = payload.GetString("kind") ?? "info";
                PutFlash(kind, kind == "info" ? "Saved." : "Something failed.");
                break;
            case "navigate":
                PutFlash("info", "Carried across a live navigation.");
                PushNavigate("/test/flash/target");
                break;
            case "redirect":
                PutFlash("info", "Carried across a redirect.");
                Redirect("/test/flash/target");
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
