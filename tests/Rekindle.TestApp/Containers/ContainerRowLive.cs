using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Containers;

/// <summary>A nested view that is a table row: it declares a <c>tr</c> container, and counts clicks recoverably.</summary>
[Container("tr", "class", "row")]
public sealed class ContainerRowLive : LiveView
{
    private string _name = "";

    [Recoverable]
    public int Count { get; set; }

    public override ValueTask MountAsync(MountContext context)
    {
        _name = context.Session["name"];
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <td>{_name}</td><td id="{_name}-count">{Count}</td><td><button id="{_name}-inc" phx-click="inc">+</button></td>
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
