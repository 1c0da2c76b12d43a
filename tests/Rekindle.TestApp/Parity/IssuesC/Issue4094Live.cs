using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4094: <c>HandleParamsAsync</c> redirects when a live patch brings <c>foo=bar</c>.</summary>
public sealed class Issue4094Live : LiveView
{
    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        if (parameters.GetValueOrDefault("foo") == "bar")
        {
            Redirect("/test/parity/dead");
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() =>
        Html($"""<main><a href="/test/parity/issue-4094?foo=bar" data-phx-link="patch" data-phx-link-state="push">Patch</a></main>""");
}
