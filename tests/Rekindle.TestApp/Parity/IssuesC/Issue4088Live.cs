using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4088: a component whose hook sends it three events as it mounts.</summary>
public sealed class Issue4088Live : LiveView
{
    public override Rendered Render() => Html($"<main>{Component<Issue4088Component>("lc")}</main>");
}
