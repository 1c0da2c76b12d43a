using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3681: a page without a stream under <see cref="Issue3681Layout"/>, whose sticky view has one.</summary>
public sealed class Issue3681Live : LiveView
{
    public override Rendered Render() => Html($"""
        <h3>A view that renders nothing but its layout.</h3>
        <a href="/test/parity/issue-3681/away" data-phx-link="redirect" data-phx-link-state="push">Go to a different LV with a (funcky) stream</a>
        """);
}
