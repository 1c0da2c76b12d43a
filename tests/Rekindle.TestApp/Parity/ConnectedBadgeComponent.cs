using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>Shows whether it lives in a connected view (issue 17, item 12).</summary>
public sealed class ConnectedBadgeComponent : LiveComponent
{
    public override Rendered Render() => Html($"<p id=\"connected\">{(IsConnected ? "live" : "dead")}</p>");
}
