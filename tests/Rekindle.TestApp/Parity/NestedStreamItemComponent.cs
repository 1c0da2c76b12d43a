using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A stream item of <see cref="StreamResetComponentsLive"/> (with <c>?nested</c>) holding a stream of
/// its own, N-A to N-D, which its button resets into a new order.
/// </summary>
public sealed class NestedStreamItemComponent : LiveComponent
{
    public string Name { get; set; } = "";

    public sealed record Nested(string Id, string Name);

    public override ValueTask MountAsync()
    {
        Stream("nested", [new Nested("a", "N-A"), new Nested("b", "N-B"), new Nested("c", "N-C"), new Nested("d", "N-D")], NestedDomId);
        return ValueTask.CompletedTask;
    }

    // Id (the parent stream item's DOM id) is set before MountAsync.
    private string NestedDomId(Nested nested) => $"nested-{Id}-{nested.Id}";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "reorder")
        {
            return base.HandleEventAsync(name, payload);
        }
        Stream("nested", [new Nested("e", "N-E"), new Nested("a", "N-A"), new Nested("f", "N-F"), new Nested("g", "N-G")], NestedDomId, reset: true);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <li id="{Id}">{Name}<button class="reorder" phx-click="reorder" phx-target="{Myself}">reorder</button><div id="{Id}-nested" phx-update="stream">{StreamEach<Nested>("nested", (id, nested) => Html($"<div id=\"{id}\">{nested.Name}</div>"))}</div></li>
        """);
}
