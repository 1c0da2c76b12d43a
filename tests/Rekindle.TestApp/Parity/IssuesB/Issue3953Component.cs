using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The component of <see cref="Issue3953Live"/> and of its nested view.</summary>
public sealed class Issue3953Component : LiveComponent
{
    public override Rendered Render() => Html($"<div>Component</div>");
}
