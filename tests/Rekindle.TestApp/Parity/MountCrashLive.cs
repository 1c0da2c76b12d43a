using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Throws while mounting for the dead render (issue 17, item 11).</summary>
public sealed class MountCrashLive : LiveView
{
    public override ValueTask MountAsync(MountContext context) =>
        IsConnected ? ValueTask.CompletedTask : throw new InvalidOperationException("mount <failed> on purpose");

    public override Rendered Render() => Html($"<main>never shown</main>");
}
