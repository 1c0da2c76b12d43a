using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A component that navigates from its own events: patch, navigate or redirect (issue 17, item 3).</summary>
public sealed class NavigatingComponent : LiveComponent
{
    public override Rendered Render() => Html($"""
        <div id="navigator">
          <button id="component-patch" phx-click="patch" phx-target="{Myself}">patch</button>
          <button id="component-navigate" phx-click="navigate" phx-target="{Myself}">navigate</button>
          <button id="component-redirect" phx-click="redirect" phx-target="{Myself}">redirect</button>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "patch":
                PushPatch("/test/parity/component-navigation?page=2");
                break;
            case "navigate":
                PushNavigate("/counter");
                break;
            case "redirect":
                Redirect("/counter");
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
