using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A child of a child, with a recoverable count.</summary>
public sealed class NestedLeafLive : LiveView
{
    private string _name = "";

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        _name = context.Session.GetValueOrDefault("name") ?? throw new InvalidOperationException("expected a name in the session");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <p><span id="{_name}-count">{Count}</span><button id="{_name}-inc" phx-click="inc">+</button></p>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "inc")
        {
            return base.HandleEventAsync(name, payload);
        }
        Count++;
        return ValueTask.CompletedTask;
    }
}
