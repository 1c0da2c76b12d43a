using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>Navigates away from MountAsync: a 302 at the dead render, a live_redirect join reply when connected.</summary>
public sealed class MountNavigateLive : LiveView
{
    public override ValueTask MountAsync(MountContext context)
    {
        PutFlash("info", "Sent on by mount.");
        PushNavigate("/test/flash/target");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<main><p id=\"never\">never rendered</p></main>");
}
