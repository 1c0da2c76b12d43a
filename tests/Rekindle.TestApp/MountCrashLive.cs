using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A view whose dead render throws while mounting, with markup in the message to prove the error page escapes it.</summary>
public sealed class MountCrashLive : LiveView
{
    public const string Message = "mount failed <b>for order 7</b>";

    public override ValueTask MountAsync(MountContext context) => throw new InvalidOperationException(Message);

    public override Rendered Render() => Html($"<p>never rendered</p>");
}
