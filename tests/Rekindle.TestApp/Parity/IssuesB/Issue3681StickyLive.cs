using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The sticky view of upstream's issue 3681: a stream of three messages named like the other page's stream.</summary>
public sealed class Issue3681StickyLive : LiveView
{
    public override ValueTask MountAsync(MountContext context)
    {
        Stream("messages", [new Issue3681Message(1), new Issue3681Message(2), new Issue3681Message(3)], Issue3681Message.DomId);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="msgs-sticky" phx-update="stream">{StreamEach<Issue3681Message>("messages", (id, message) => Html($"<div id=\"{id}\"><div>{message.Id}</div></div>"))}</div>
        """);
}
