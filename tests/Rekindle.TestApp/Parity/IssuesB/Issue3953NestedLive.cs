using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The nested view of <see cref="Issue3953Live"/>, holding its own <see cref="Issue3953Component"/>.</summary>
public sealed class Issue3953NestedLive : LiveView
{
    public override Rendered Render() => Html($"Nested Content {Component<Issue3953Component>("comp2")}");
}
