using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A component that renders its note through a portal; its clicks target the component.</summary>
public sealed class PortalNoteComponent : LiveComponent
{
    private int _likes;

    public override Rendered Render() => Html($"""
        <div id="note-source">
          {Portal("note-portal", "body", Html($"""<div id="portal-note"><button id="note-like" phx-click="like" phx-target="{Myself}">like</button><span id="note-likes">{_likes}</span></div>"""))}
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "like")
        {
            return base.HandleEventAsync(name, payload);
        }
        _likes++;
        return ValueTask.CompletedTask;
    }
}
