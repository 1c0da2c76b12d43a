using System.Diagnostics;
using System.Text.RegularExpressions;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 21, the long-poll fallback across a cluster in Chromium: WebSockets are blocked, so the stock
/// client long-polls through nginx, whose plain round robin sends one session's requests to every node.
/// The nodes pass them on to the node holding the session; killing that node recovers the view on
/// another one, without a reload.
/// </summary>
public sealed class ClusterLongPollTests(ClusterFixture fixture, ITestOutputHelper output) : BrowserTest<ClusterFixture>(fixture, output)
{
    public override async Task InitializeAsync()
    {
        foreach (var node in Fixture.Nodes.Where(node => !node.IsRunning))
        {
            await node.StartAsync();
        }
        await base.InitializeAsync();
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {longPollFallbackMs: 300}}");
        await Context.RouteWebSocketAsync(new Regex("/live/websocket"), _ => { });
    }

    [Fact]
    public async Task WebSocketBlocked_RoundRobin_ClicksWorkOnOneSession_NodeKilled_ViewBackWithoutReload()
    {
        // While the killed node is down, nginx may send a poll there before it marks it failed.
        ExpectConsoleError(@"/live/longpoll\?");
        await GotoLiveAsync("/test/node");
        Assert.Equal("true", await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        await MarkPageAsync();
        var topic = "lv:" + await Main.GetAttributeAsync("id");
        var requests = 0;
        Page.Request += (_, request) => requests += request.Url.Contains("/live/longpoll?", StringComparison.Ordinal) ? 1 : 0;

        for (var count = 1; count <= 6; count++)
        {
            await Page.Locator("#inc").ClickAsync();
            await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync($"{count}");
        }
        // Six clicks took more long-poll requests than there are nodes, and the view was joined once:
        // no request was refused into a new session.
        Assert.True(requests > ClusterFixture.NodeCount, $"{requests} long-poll requests");
        Assert.Single(JoinsOf(topic));

        var node = await NodeOfPageAsync();
        var timer = Stopwatch.StartNew();
        await node.KillAsync();
        await Page.EvaluateAsync("() => { document.getElementById('count').textContent = 'stale'; }");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("6", new() { Timeout = 20_000 });
        Output.WriteLine($"kill -9 of the node holding the long-poll session → state back after {timer.ElapsedMilliseconds} ms");
        // The poll that node held is given up as soon as Redis drops its subscription, not after the relay's timeout (20 s).
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"state back after {timer.Elapsed}");

        Assert.NotSame(node, await NodeOfPageAsync());
        await Page.Locator("#inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("7");
        Assert.Equal("true", await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        await AssertNotReloadedAsync();
        await node.StartAsync();
    }

    private IEnumerable<TestLogSink.LogLine> JoinsOf(string topic) =>
        ServerLogsOfThisTest.Where(line => line.EventId.Id == 2002 && line.Message.EndsWith($" joined on {topic}.", StringComparison.Ordinal));

    private async Task<ServerProcess> NodeOfPageAsync()
    {
        var pid = int.Parse(await Page.Locator("#node").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return Fixture.Nodes.Single(node => node.ProcessId == pid);
    }
}
