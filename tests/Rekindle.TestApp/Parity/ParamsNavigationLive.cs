using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Navigates from <c>HandleParamsAsync</c> as its query says: <c>then=loop</c> patches to the URL it
/// handles (a loop), <c>then=hop&amp;n=N</c> patches down to <c>n=0</c>, <c>then=navigate</c> and
/// <c>then=redirect</c> leave for the counter.
/// </summary>
public sealed class ParamsNavigationLive : LiveView
{
    private string _n = "";

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _n = parameters.GetValueOrDefault("n") ?? "";
        switch (parameters.GetValueOrDefault("then"))
        {
            case "loop":
                PushPatch(uri.PathAndQuery);
                break;
            case "hop" when int.TryParse(_n, out var n) && n > 0:
                PushPatch($"/test/parity/params?then=hop&n={n - 1}");
                break;
            case "navigate":
                PushNavigate("/counter");
                break;
            case "redirect":
                Redirect("/counter");
                break;
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"<main><p id=\"n\">n {_n}</p></main>");
}
