using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The component of <see cref="Issue3709Live"/>, replaced at each patch.</summary>
public sealed class Issue3709Component : LiveComponent
{
    public override Rendered Render() => Html($"<div class=\"hello\">Hello</div>");
}
