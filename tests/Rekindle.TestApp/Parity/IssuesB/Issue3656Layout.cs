using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The live layout of upstream's issue 3656: each page, then the sticky <see cref="Issue3656StickyLive"/>.</summary>
public sealed class Issue3656Layout : LiveLayout
{
    public override Rendered Render() => Html($"{Content}{LiveRender<Issue3656StickyLive>("sticky", sticky: true)}");
}
