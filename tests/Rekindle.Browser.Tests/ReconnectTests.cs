using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class ReconnectTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task Reconnect_AfterClientDisconnect_RejoinsWithRecoveredCountAndStaysInteractive()
    {
        var sockets = new ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => sockets.Enqueue(socket.Url);
        await GotoLiveAsync("/counter");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");
        var count = Page.Locator("#count");
        await Page.ClickAsync("#inc");
        await Assertions.Expect(count).ToHaveTextAsync("1");
        await Page.ClickAsync("#inc");
        await Assertions.Expect(count).ToHaveTextAsync("2");

        await Page.EvaluateAsync("() => { liveSocket.disconnect(); }");

        await Assertions.Expect(Main).Not.ToHaveClassAsync(Connected);
        var classes = await Main.GetAttributeAsync("class");
        Output.WriteLine($"container classes after disconnect: {classes}");
        Assert.False(await Page.EvaluateAsync<bool>("() => liveSocket.isConnected()"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-client-error\b"));

        // Mark the stale DOM, so the count seen after the rejoin can only come from the server's render.
        await count.EvaluateAsync("e => { e.textContent = 'stale'; }");
        await Page.EvaluateAsync("() => { liveSocket.connect(); }");

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        Output.WriteLine($"container classes after reconnect: {await Main.GetAttributeAsync("class")}");
        // CounterLive.Count is [Recoverable]: the rejoin hands back the snapshot the last reply
        // pushed (rekindle:snapshot, kept in sessionStorage), so the fresh mount resumes at 2.
        await Assertions.Expect(count).ToHaveTextAsync("2");
        await Page.ClickAsync("#inc");
        await Assertions.Expect(count).ToHaveTextAsync("3");
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
        Assert.Equal(2, sockets.Count);
    }
}
