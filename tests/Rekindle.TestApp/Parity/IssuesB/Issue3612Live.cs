using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3612, pages A and B (one view on two routes) under <see cref="Issue3612Layout"/>'s sticky view.</summary>
public sealed class Issue3612Live : LiveView
{
    private string _page = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _page = uri.AbsolutePath[^1..].ToUpperInvariant();
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<h1>Page {_page}</h1>");
}
