using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The sticky view of upstream's issue 3656: a link that navigates the page live.</summary>
public sealed class Issue3656StickyLive : LiveView
{
    public override Rendered Render() => Html($"""
        <nav><a href="/test/parity/issue-3656?navigated=true" data-phx-link="redirect" data-phx-link-state="push">Link 1</a></nav>
        """);
}
