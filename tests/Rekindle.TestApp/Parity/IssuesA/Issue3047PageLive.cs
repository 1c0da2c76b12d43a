using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>Pages A and B of upstream's issue 3047 (<c>/test/parity/issue-3047/{page}</c>): only their name.</summary>
public sealed class Issue3047PageLive : LiveView
{
    private string _page = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _page = context.Params.GetValueOrDefault("page")?.ToUpperInvariant() ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<span id=\"page\">Page {_page}</span>");
}
