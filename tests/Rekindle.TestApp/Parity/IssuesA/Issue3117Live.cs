using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3117: two row components, each loading a value with <c>AssignAsync</c> on every
/// update and holding a one-element static part, and a link that navigates live to this same view.
/// </summary>
public sealed class Issue3117Live : LiveView
{
    private static readonly int[] s_rows = [1, 2];

    public override Rendered Render() => Html($"""
        <main>
          <a id="navigate" href="/test/parity/issue-3117?nav" data-phx-link="redirect" data-phx-link-state="push">Navigate</a>
          {Each(s_rows, row => row, row => Html($"<div>{Component<Issue3117RowComponent>($"row-{row}")}</div>"))}
        </main>
        """);
}
