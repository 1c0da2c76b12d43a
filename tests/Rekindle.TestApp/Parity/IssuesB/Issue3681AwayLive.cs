using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// The other page of upstream's issue 3681: a stream of the same name as the sticky view's, declared
/// twice at mount (empty, then reset to one message).
/// </summary>
public sealed class Issue3681AwayLive : LiveView
{
    public override ValueTask MountAsync(MountContext context)
    {
        Stream<Issue3681Message>("messages", [], Issue3681Message.DomId);
        Stream("messages", [new Issue3681Message(4)], Issue3681Message.DomId, reset: true);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <h3>A view with a stream configured twice</h3>
        <a href="/test/parity/issue-3681" data-phx-link="redirect" data-phx-link-state="push">Go back to (the now borked) LV without a stream</a>
        <div id="msgs-normal" phx-update="stream">{StreamEach<Issue3681Message>("messages", (id, message) => Html($"<div id=\"{id}\"><div>{message.Id}</div></div>"))}</div>
        """);
}
