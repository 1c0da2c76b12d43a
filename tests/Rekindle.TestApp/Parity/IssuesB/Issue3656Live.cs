using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>Upstream's issue 3656: a page under <see cref="Issue3656Layout"/>, whose sticky view holds a navigate link.</summary>
public sealed class Issue3656Live : LiveView
{
    private bool _navigated;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _navigated = parameters.ContainsKey("navigated");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<p id=\"page\">{(_navigated ? "navigated" : "first")}</p>");
}
