using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Three nodes on a real Redis Cluster (<see cref="RedisClusterNodesFixture"/>) in Chromium: presence
/// seen across nodes and a node killed with -9 leaving within the documented bound, and the long-poll
/// fallback through nginx's round robin, whose requests the nodes relay over the cluster's sharded
/// channels to the node holding the session.
/// </summary>
public sealed class RedisClusterNodesTests(RedisClusterNodesFixture fixture, ITestOutputHelper output) : BrowserTest<RedisClusterNodesFixture>(fixture, output)
{
    public override async Task InitializeAsync()
    {
        foreach (var node in Fixture.Nodes.Where(node => !node.IsRunning))
        {
            await node.StartAsync();
        }
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Presence_OnRedisCluster_TabsOnTwoNodesSeeEachOther_NodeKilled_ItsViewerLeavesWithinTheBound()
    {
        var left = await NodeKilledPresence.ViewerLeavesAfterItsNodeIsKilledAsync(Fixture, Page, MarkPageAsync);

        Output.WriteLine($"Redis Cluster: kill -9 of the other viewer's node → its viewer gone after {left.TotalMilliseconds:F0} ms");
        Assert.True(left <= NodeKilledPresence.DocumentedBound, $"the dead node's viewer left after {left}, past the documented {NodeKilledPresence.DocumentedBound}");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task LongPoll_OnRedisCluster_RoundRobinRequestsRelayedToTheSessionsNode_NodeKilled_ViewBackWithoutReload()
    {
        // While the killed node is down, nginx may send a poll there before it marks it failed.
        ExpectConsoleError(@"/live/longpoll\?");
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {longPollFallbackMs: 300}}");
        await Context.RouteWebSocketAsync(new Regex("/live/websocket"), _ => { });
        await GotoLiveAsync("/test/node");
        await MarkPageAsync();
        var requests = 0;
        Page.Request += (_, request) => requests += request.Url.Contains("/live/longpoll?", StringComparison.Ordinal) ? 1 : 0;

        for (var count = 1; count <= 6; count++)
        {
            await Page.Locator("#inc").ClickAsync();
            await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync($"{count}");
        }
        Assert.True(requests > NodesFixture.NodeCount, $"{requests} long-poll requests");

        var pid = int.Parse(await Page.Locator("#node").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var node = Fixture.Nodes.Single(candidate => candidate.ProcessId == pid);
        var timer = Stopwatch.StartNew();
        await node.KillAsync();
        await Page.EvaluateAsync("() => { document.getElementById('count').textContent = 'stale'; }");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("6", new() { Timeout = 20_000 });
        Output.WriteLine($"Redis Cluster: kill -9 of the node holding the long-poll session → state back after {timer.ElapsedMilliseconds} ms");
        // The poll that node held is given up once the shard no longer counts its subscription, not after the relay's timeout (20 s).
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"state back after {timer.Elapsed}");
        await Page.Locator("#inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("7");
        await AssertNotReloadedAsync();
        await node.StartAsync();
    }
}
