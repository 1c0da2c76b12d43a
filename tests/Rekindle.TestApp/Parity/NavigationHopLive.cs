using System.Globalization;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// Mapped at <c>/test/parity/hop-a</c> and <c>/test/parity/hop-b</c>: once connected, a mount with
/// <c>?n=N</c> above 0 navigates to the other route with <c>n=N-1</c>, so the client hops between
/// the two live views N times before one renders (issue 17, item 2: navigation loops).
/// </summary>
public sealed class NavigationHopLive : LiveView
{
    private int _n;

    public override ValueTask MountAsync(MountContext context)
    {
        _n = int.TryParse(context.Params.GetValueOrDefault("n"), CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (context.IsConnected && _n > 0)
        {
            var other = context.Uri.AbsolutePath.EndsWith("/hop-a", StringComparison.Ordinal) ? "hop-b" : "hop-a";
            PushNavigate($"/test/parity/{other}?n={_n - 1}");
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""<main><p id="hop">n {_n}</p></main>""");
}
