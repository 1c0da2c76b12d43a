using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// Upstream's issue 3686, one view on three routes: <c>a</c> puts a flash and navigates live to
/// <c>b</c>; <c>b</c> puts one and redirects to <c>c</c> (another route group); <c>c</c> puts one and
/// navigates to <c>a</c>, across route groups, which the client falls back to as a page load.
/// </summary>
public sealed class Issue3686Live : LiveView
{
    private string _page = "a";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _page = uri.AbsolutePath[^1..];
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "go")
        {
            return base.HandleEventAsync(name, payload);
        }
        PutFlash("info", $"Flash from {_page.ToUpperInvariant()}");
        switch (_page)
        {
            case "a":
                PushNavigate("/test/parity/issue-3686/b");
                break;
            case "b":
                Redirect("/test/parity/issue-3686/c");
                break;
            default:
                PushNavigate("/test/parity/issue-3686/a");
                break;
        }
        return ValueTask.CompletedTask;
    }

    private string Next => _page switch { "a" => "B", "b" => "C", _ => "A" };

    public override Rendered Render() => Html($"""
        <h1>{_page.ToUpperInvariant()}</h1>
        <button phx-click="go">To {Next}</button>
        <div id="flash">{(Flash.Count == 0 ? "none" : string.Join("; ", Flash.Select(pair => $"{pair.Key}: {pair.Value}")))}</div>
        """);
}
