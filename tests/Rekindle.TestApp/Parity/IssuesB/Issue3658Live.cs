using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3658: a navigate link on a page under <see cref="Issue3658Layout"/>, whose sticky view has a <c>phx-remove</c> element.</summary>
public sealed class Issue3658Live : LiveView
{
    private bool _navigated;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _navigated = parameters.ContainsKey("navigated");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <a href="/test/parity/issue-3658?navigated=true" data-phx-link="redirect" data-phx-link-state="push">Link 1</a>
        <p id="page">{(_navigated ? "navigated" : "first")}</p>
        """);
}
