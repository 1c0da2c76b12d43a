using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A nested view whose connected mount always throws; its dead render works.</summary>
public sealed class FailingChildLive : LiveView
{
    public override ValueTask MountAsync(MountContext context) =>
        context.IsConnected ? throw new InvalidOperationException("connected mount of FailingChildLive") : ValueTask.CompletedTask;

    public override Rendered Render() => Html($"""<p id="failing-child">dead render</p>""");
}
