using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3199, third case: a stream of two items with a one-second <c>phx-remove</c>
/// transition each, in a container whose route gives it a <c>phx-remove</c> of its own
/// (<see cref="RemoveView"/>); "Navigate away" goes live to <see cref="Issue3199AwayLive"/>.
/// </summary>
public sealed class Issue3199Live : LiveView
{
    /// <summary>The container's <c>phx-remove</c>: the class <c>view-removing</c> for 100 ms.</summary>
    public static readonly JsCommand RemoveView = JS.Transition("view-removing", time: 100);

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("items", new[] { 1, 2 }, item => $"items-{item}");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <h1>Items</h1>
        <a href="/test/parity/issue-3199/away" data-phx-link="redirect" data-phx-link-state="push">Navigate away</a>
        <ul id="items" phx-update="stream">{StreamEach<int>("items", (id, item) => Html($"<li id=\"{id}\" phx-remove=\"{JS.Transition("item-removing", time: 1000)}\">Item {item}</li>"))}</ul>
        """);
}
