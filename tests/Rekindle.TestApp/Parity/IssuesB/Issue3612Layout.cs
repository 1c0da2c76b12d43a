using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The live layout of upstream's issue 3612: the sticky <see cref="Issue3612StickyLive"/> before each page.</summary>
public sealed class Issue3612Layout : LiveLayout
{
    public override Rendered Render() => Html($"{LiveRender<Issue3612StickyLive>("sticky", sticky: true)}{Content}");
}
