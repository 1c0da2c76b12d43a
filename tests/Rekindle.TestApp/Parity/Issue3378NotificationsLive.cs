using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>The innermost view of <see cref="Issue3378HomeLive"/>: one stream of one notification.</summary>
public sealed class Issue3378NotificationsLive : LiveView
{
    public sealed record Notification(int Id, string Message);

    private static string DomId(Notification notification) => $"notifications-{notification.Id}";

    public override ValueTask MountAsync(MountContext context)
    {
        Stream("notifications", [new Notification(1, "Hello")], DomId);
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div>
          <ul id="notifications_list" phx-update="stream">{StreamEach<Notification>("notifications", (id, notification) => Html($"<li id=\"{id}\"><p>big!</p></li>"))}</ul>
        </div>
        """);
}
