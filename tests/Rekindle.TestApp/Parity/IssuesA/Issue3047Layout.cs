using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// The live layout of upstream's issue 3047 route group: links to pages A and B, the page, and
/// <see cref="Issue3047StickyLive"/> as a sticky view below it.
/// </summary>
public sealed class Issue3047Layout : LiveLayout
{
    public override Rendered Render() => Html($"""
        <div>
          <a href="/test/parity/issue-3047/a" data-phx-link="redirect" data-phx-link-state="push">Page A</a>
          <a href="/test/parity/issue-3047/b" data-phx-link="redirect" data-phx-link-state="push">Page B</a>
          {Content}
          {LiveRender<Issue3047StickyLive>("test", sticky: true)}
        </div>
        """);
}
