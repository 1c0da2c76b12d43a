using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A stream item of <see cref="StreamResetComponentsLive"/> that is the stream's child itself: its root carries the item's DOM id.</summary>
public sealed class StreamItemComponent : LiveComponent
{
    private int _clicks;

    public string Name { get; set; } = "";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "click")
        {
            return base.HandleEventAsync(name, payload);
        }
        _clicks++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<li id="{Id}">{Name}<button class="click" phx-click="click" phx-target="{Myself}">clicks {_clicks}</button></li>""");
}
