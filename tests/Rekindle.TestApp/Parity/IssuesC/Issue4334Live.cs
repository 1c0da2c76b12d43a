using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4334: a component whose root element changes its id on its own event.</summary>
public sealed class Issue4334Live : LiveView
{
    public override Rendered Render() => Html($"<main><h1>Component root id change</h1>{Component<Issue4334Component>("demo-component")}</main>");
}
