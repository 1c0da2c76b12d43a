using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>The middle view of <see cref="Issue3378HomeLive"/>: it nests <see cref="Issue3378NotificationsLive"/>.</summary>
public sealed class Issue3378AppBarLive : LiveView
{
    public override Rendered Render() => Html($"<div>{LiveRender<Issue3378NotificationsLive>("notifications")}</div>");
}
