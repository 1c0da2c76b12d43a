using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>A nested view of <see cref="Issue3530Live"/>'s stream: an element with the <c>Issue3530Hook</c> hook.</summary>
public sealed class Issue3530NestedLive : LiveView
{
    private string _itemId = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _itemId = context.Session.GetValueOrDefault("item_id") ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="item-outer-{_itemId}">test hook with nested view <div id="test-hook-{_itemId}" phx-hook="Issue3530Hook"></div></div>
        """);
}
