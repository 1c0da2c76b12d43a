using System.Collections.Concurrent;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Navigation loops end as in Phoenix (issue 17, item 2; docs/protocol.md §8.4): a params handler
/// that keeps patching crashes its view after 20 patches and the page is loaded again; live
/// navigation between views has no such limit, each hop being a new view's join.
/// </summary>
public sealed class RedirectLoopTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task LivePatchLoop_FromALink_CrashesTheViewAndTheRemountShowsTooManyRedirects()
    {
        ExpectServerError("too many redirects for RedirectLoopLive");
        var received = new ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? "");
        await GotoLiveAsync("/test/parity/redirect-loop");
        await Assertions.Expect(Page.Locator("#message")).ToHaveTextAsync("");
        await MarkPageAsync();

        await Page.ClickAsync("#loop-link");

        await Assertions.Expect(Page.Locator("#message")).ToHaveTextAsync("Too many redirects");
        Assert.Contains(received, frame => frame.Contains("\"phx_error\"", StringComparison.Ordinal));
        Assert.EndsWith("/test/parity/redirect-loop?loop=true", Page.Url, StringComparison.Ordinal);
        // The outcome Phoenix gives too: the stock client answers a live_patch that fails (the view
        // crashed under it) by loading the current URL, whose fresh mount no longer loops.
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__marker ?? null"));
        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
    }

    [Fact]
    public async Task LiveNavigationLoop_BetweenTwoViews_HopsPastThePatchLimitWithoutAReload()
    {
        var joins = new ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            if (frame.Text?.Contains("\"phx_join\"", StringComparison.Ordinal) == true && frame.Text.Contains("\"lv:", StringComparison.Ordinal))
            {
                joins.Enqueue(frame.Text);
            }
        };
        await GotoLiveAsync("/test/parity/hop-a");
        await MarkPageAsync();

        // 25 hops (more than the 20 patches a params handler may chain) as live navigations.
        await Page.EvaluateAsync("() => liveSocket.execJS(document.body, JSON.stringify([['navigate', {href: '/test/parity/hop-b?n=25'}]]))");

        await Page.WaitForURLAsync("**/test/parity/hop-a?n=0");
        await Assertions.Expect(Page.Locator("#hop")).ToHaveTextAsync("n 0");
        Assert.Equal(1 + 26, joins.Count);
        await AssertNotReloadedAsync();
    }
}
