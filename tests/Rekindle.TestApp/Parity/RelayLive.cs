using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A counter given to a <see cref="RelayComponent"/>, which relays it to a <see cref="MirrorComponent"/>.</summary>
public sealed class RelayLive : LiveView
{
    private int _count;

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        _count++;
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main><button id="inc" phx-click="inc">+</button>{Component<MirrorComponent>("mirror")}{Component<RelayComponent>("relay", new { Value = _count })}</main>
        """);
}
