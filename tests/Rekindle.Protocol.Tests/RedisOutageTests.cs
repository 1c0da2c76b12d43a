using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 9, item 3: redis-server killed mid-run and started again on the same port. Views keep
/// working on their node without waiting past the timeout, snapshots wait in memory and reach Redis
/// when it is back (another node then restores them), broadcasts fail with a logged error and work
/// again afterwards — no restart of the nodes.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RedisKilledAndRestarted_ViewsKeepWorking_QueuedSnapshotsReachRedis_BroadcastsResume()
    {
        await using var redis = await RestartableRedis.StartAsync();
        await using var nodeA = await TestHost.StartAsync(redis.NodeArguments());
        await using var nodeB = await TestHost.StartAsync(redis.NodeArguments());
        await using var counter = await PhoenixClient.ConnectAsync(nodeA.BaseAddress, "/counter");
        var (joinRef, _) = await counter.JoinAsync();
        await counter.ClickAsync(joinRef, "inc");
        await counter.ClickAsync(joinRef, "inc");

        await redis.StopAsync();

        for (var expected = 3; expected <= 5; expected++)
        {
            var timer = Stopwatch.StartNew();
            var reply = await counter.ClickAsync(joinRef, "inc");
            Assert.Equal(expected.ToString(), reply["response"]!["diff"]!["0"]!.GetValue<string>());
            Assert.True(timer.Elapsed < OperationTimeout * 3, $"a click took {timer.Elapsed} with Redis down");
        }
        Assert.Contains(nodeA.Logs.Lines, line => line.EventId.Id == 5111 && line.Level == LogLevel.Warning);
        using var http = new HttpClient { BaseAddress = nodeA.BaseAddress, Timeout = OperationTimeout * 3 };
        Assert.True((await http.PostAsync("/test/broadcast?message=lost", null)).IsSuccessStatusCode);
        Assert.Contains(nodeA.Logs.Lines, line => line.EventId.Id == 5101 && line.Level == LogLevel.Error);

        await redis.RestartAsync();
        await WaitUntilAsync(() => nodeA.Logs.Lines.Any(line => line.EventId.Id == 5113), "the queued snapshots to be written");

        // Node B never saw this view: it can only restore the count from Redis.
        await WaitForRedisAsync(nodeB);
        await using var onB = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, counter.Page);
        var (_, rejoined) = await onB.JoinAsync(new JsonObject { ["_mounts"] = 1 });
        Assert.Equal("5", rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());

        await WaitUntilAsync(async () =>
        {
            // A fresh listener per try: a receive that times out aborts its socket.
            await using var tickerB = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, "/test/ticker");
            await tickerB.JoinAsync();
            await http.PostAsync("/test/broadcast?message=back", null);
            try
            {
                var pushed = await tickerB.ReceiveFrameAsync(TimeSpan.FromSeconds(1));
                return pushed?[4]?["0"]?.GetValue<string>() == "back";
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }, "a broadcast on node A to reach node B again");
    }

    /// <summary>
    /// A view whose node dies during a Redis outage must not come back empty on the node it reconnects
    /// to: its state is in Redis. That node closes the socket with 1012 (an error reply would make the
    /// client reload and lose the state), and once Redis is back the rejoin restores the view.
    /// </summary>
    [Fact]
    public async Task RejoinWhileRedisIsDown_SocketClosedWith1012_RestoredOnceRedisIsBack()
    {
        await using var redis = await RestartableRedis.StartAsync();
        var args = redis.NodeArguments("--Rekindle:Recovery:StoreOutageHold", "00:00:00.500");
        await using var nodeA = await TestHost.StartAsync(args);
        await using var nodeB = await TestHost.StartAsync(args);
        var page = await CountToTwoAsync(nodeA);
        await redis.StopAsync();

        await using (var duringOutage = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, page))
        {
            await duringOutage.SendJoinAsync(new JsonObject { ["_mounts"] = 1 });
            Assert.Equal((WebSocketCloseStatus)1012, await duringOutage.WaitForCloseAsync());
            Assert.DoesNotContain(duringOutage.Received, frame => frame[3]!.GetValue<string>() == "phx_reply");
        }
        Assert.Contains(nodeB.Logs.Lines, line => line.EventId.Id == 4006);

        await redis.RestartAsync();
        await WaitForRedisAsync(nodeB);
        await using var afterOutage = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, page);
        var (_, rejoined) = await afterOutage.JoinAsync(new JsonObject { ["_mounts"] = 1 });
        Assert.Equal("2", rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    /// <summary>
    /// Issue 18 (CI chaos soak): the stock client rejoins at once on every fresh socket, so a join
    /// deferred with 1012 at each try used up 60 join attempts (Rekindle:Recovery:SkipAfterFailedJoins)
    /// within a 7-second Redis restart, and the tab's view then mounted fresh. The rejoin is now held
    /// while the store comes back, and restored without a 1012.
    /// </summary>
    [Fact]
    public async Task Issue18_RejoinWhileRedisRestarts_IsHeldAndRestoredWithoutA1012()
    {
        await using var redis = await RestartableRedis.StartAsync();
        var args = redis.NodeArguments("--Rekindle:Recovery:StoreOutageHold", "00:00:08");
        await using var nodeA = await TestHost.StartAsync(args);
        await using var nodeB = await TestHost.StartAsync(args);
        var page = await CountToTwoAsync(nodeA);
        await redis.StopAsync();

        await using var rejoining = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, page);
        var join = rejoining.JoinAsync(new JsonObject { ["_mounts"] = 1 });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.False(join.IsCompleted, "the rejoin was answered while Redis was down");
        await redis.RestartAsync();

        var (_, rejoined) = await join;
        Assert.Equal("2", rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());
        Assert.DoesNotContain(nodeB.Logs.Lines, line => line.EventId.Id == 4006);
    }

    /// <summary>
    /// Issue 18 (chaos soak): a click acknowledged while Redis is down outlives the node that
    /// acknowledged it. That node's memory is not durable, so the reply carries the snapshot to the
    /// browser, and the rejoin on another node restores it once Redis is back, the newer of the two.
    /// The client's count of failed joins grew during the outage; it must not make the rejoin skip
    /// the snapshot.
    /// </summary>
    [Fact]
    public async Task Issue18_ClickAcknowledgedWhileRedisIsDown_RestoredOnAnotherNodeAfterItsNodeDies()
    {
        await using var redis = await RestartableRedis.StartAsync();
        await using var nodeA = await TestHost.StartAsync(redis.NodeArguments());
        await using var nodeB = await TestHost.StartAsync(redis.NodeArguments());
        var (page, token) = await CountToThreeAcrossAnOutageAsync(nodeA, redis);
        // Node A dies with the snapshots it kept in memory for Redis.
        await nodeA.DisposeAsync();

        await redis.RestartAsync();
        await WaitForRedisAsync(nodeB);
        await using var onB = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, page);
        var (rejoinRef, rejoined) = await onB.JoinAsync(new JsonObject { ["_mounts"] = 1, ["_mount_attempts"] = 6, ["_rekindle_snapshot"] = token });
        Assert.Equal("3", rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());
        var next = await onB.ClickAsync(rejoinRef, "inc");
        Assert.Equal("4", next["response"]!["diff"]!["0"]!.GetValue<string>());
        Assert.Contains(nodeA.Logs.Lines, line => line.EventId.Id == 4003 && line.Level == LogLevel.Warning);
    }

    /// <summary>An outage longer than Rekindle:Recovery:StoreOutageWait: the view stops waiting and mounts fresh, with a logged error.</summary>
    [Fact]
    public async Task RejoinWhileRedisStaysDown_MountsFreshAfterTheOutageWait()
    {
        await using var redis = await RestartableRedis.StartAsync();
        var args = redis.NodeArguments("--Rekindle:Recovery:StoreOutageWait", "00:00:01", "--Rekindle:Recovery:StoreOutageHold", "00:00:00");
        await using var nodeA = await TestHost.StartAsync(args);
        await using var nodeB = await TestHost.StartAsync(args);
        var page = await CountToTwoAsync(nodeA);
        await redis.StopAsync();

        var reply = await RejoinPastTheOutageWaitAsync(nodeB, page, () => new JsonObject { ["_mounts"] = 1 });

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
        Assert.Contains(nodeB.Logs.Lines, line => line.EventId.Id == 4004 && line.Level == LogLevel.Error);
    }

    /// <summary>
    /// A rejoin answered from the node's own outage buffer is not Redis answering: it must not make
    /// another view's wait start over, or that view waits out the whole outage instead of mounting.
    /// </summary>
    [Fact]
    public async Task RejoinFromTheOutageBuffer_DoesNotRestartAnotherViewsOutageWait()
    {
        await using var redis = await RestartableRedis.StartAsync();
        var args = redis.NodeArguments("--Rekindle:Recovery:StoreOutageWait", "00:00:01", "--Rekindle:Recovery:StoreOutageHold", "00:00:00");
        await using var nodeA = await TestHost.StartAsync(args);
        await using var nodeB = await TestHost.StartAsync(args);
        var fromRedis = await CountToTwoAsync(nodeA);
        await redis.StopAsync();
        var buffered = await CountToTwoAsync(nodeB); // Redis is down: node B keeps its snapshot in memory

        var reply = await RejoinPastTheOutageWaitAsync(nodeB, fromRedis, () => new JsonObject { ["_mounts"] = 1 }, beforeTheLastTry: async () =>
        {
            await using var rejoined = await PhoenixClient.ConnectAsync(nodeB.BaseAddress, buffered);
            var (_, fromBuffer) = await rejoined.JoinAsync(new JsonObject { ["_mounts"] = 1 });
            Assert.Equal("2", fromBuffer["response"]!["rendered"]!["0"]!.GetValue<string>());
        });

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    /// <summary>
    /// Issue 18: past Rekindle:Recovery:StoreOutageWait the store's copy is out of reach, but the
    /// snapshot the browser holds (sent in the replies Redis could not back) is restored rather than a
    /// fresh mount.
    /// </summary>
    [Fact]
    public async Task Issue18_RejoinPastTheOutageWait_RestoresTheSnapshotItsBrowserHolds()
    {
        await using var redis = await RestartableRedis.StartAsync();
        var args = redis.NodeArguments("--Rekindle:Recovery:StoreOutageWait", "00:00:01", "--Rekindle:Recovery:StoreOutageHold", "00:00:00");
        await using var nodeA = await TestHost.StartAsync(args);
        await using var nodeB = await TestHost.StartAsync(args);
        var (page, token) = await CountToThreeAcrossAnOutageAsync(nodeA, redis);

        var rejoined = await RejoinPastTheOutageWaitAsync(nodeB, page, () => new JsonObject { ["_mounts"] = 1, ["_rekindle_snapshot"] = token });

        Assert.Equal("3", rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());
        Assert.Contains(nodeB.Logs.Lines, line => line.EventId.Id == 4004 && line.Level == LogLevel.Error);
    }

    /// <summary>A counter on <paramref name="node"/> clicked twice, its socket then closed: its state is only in Redis.</summary>
    private static async Task<PhoenixClient.PageTokens> CountToTwoAsync(TestHost node)
    {
        await using var counter = await PhoenixClient.ConnectAsync(node.BaseAddress, "/counter");
        var (joinRef, _) = await counter.JoinAsync();
        await counter.ClickAsync(joinRef, "inc");
        await counter.ClickAsync(joinRef, "inc");
        return counter.Page;
    }

    /// <summary>
    /// A counter on <paramref name="node"/> clicked once, then twice more after Redis stopped: the last
    /// reply's browser snapshot token is the only durable copy of the count 3.
    /// </summary>
    private static async Task<(PhoenixClient.PageTokens Page, string Token)> CountToThreeAcrossAnOutageAsync(TestHost node, RestartableRedis redis)
    {
        await using var counter = await PhoenixClient.ConnectAsync(node.BaseAddress, "/counter");
        var (joinRef, _) = await counter.JoinAsync();
        await counter.ClickAsync(joinRef, "inc");
        await redis.StopAsync();
        await counter.ClickAsync(joinRef, "inc");
        var reply = await counter.ClickAsync(joinRef, "inc");
        Assert.Equal("3", reply["response"]!["diff"]!["0"]!.GetValue<string>());
        var token = reply["response"]!["diff"]!["e"]!.AsArray()
            .Single(e => e![0]!.GetValue<string>() == "rekindle:snapshot")![1]!["token"]!.GetValue<string>();
        return (counter.Page, token);
    }

    /// <summary>A first rejoin during the outage, answered 1012; then, past the 1 s outage wait (and <paramref name="beforeTheLastTry"/>), the rejoin the store no longer holds back.</summary>
    private static async Task<JsonNode> RejoinPastTheOutageWaitAsync(TestHost node, PhoenixClient.PageTokens page, Func<JsonObject> rejoinParams, Func<Task>? beforeTheLastTry = null)
    {
        await using (var first = await PhoenixClient.ConnectAsync(node.BaseAddress, page))
        {
            await first.SendJoinAsync(rejoinParams());
            Assert.Equal((WebSocketCloseStatus)1012, await first.WaitForCloseAsync());
        }
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        if (beforeTheLastTry is not null)
        {
            await beforeTheLastTry();
        }
        await using var later = await PhoenixClient.ConnectAsync(node.BaseAddress, page);
        var (_, reply) = await later.JoinAsync(rejoinParams());
        return reply;
    }

    /// <summary>Nodes reconnect to Redis on their own schedule; a join there before that would wait or mount fresh.</summary>
    private static Task WaitForRedisAsync(TestHost node)
    {
        var redis = node.Services.GetRequiredService<IConnectionMultiplexer>();
        return WaitUntilAsync(() => redis.IsConnected, "the node to reconnect to Redis");
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var timer = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(timer.Elapsed < TimeSpan.FromSeconds(30), $"waited 30 s for {what}");
            await Task.Delay(100);
        }
    }
}
