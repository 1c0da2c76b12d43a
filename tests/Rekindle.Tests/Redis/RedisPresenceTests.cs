using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.PubSub;
using Rekindle.Redis;
using Rekindle.TestApp;
using StackExchange.Redis;

namespace Rekindle.Tests.Redis;

/// <summary>
/// Cluster presence against a real redis-server: two nodes in this process, each with its own
/// connection, heartbeat and sync loop, on short timings (200 ms heartbeat, 1 s node timeout) and
/// real time, since Redis expires the heartbeats in real time.
/// </summary>
public sealed class RedisPresenceTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_reading = new() { ["status"] = "reading" };

    private readonly RekindleRedisOptions _options = new() { PresenceHeartbeat = TimeSpan.FromMilliseconds(200), PresenceNodeTimeout = TimeSpan.FromSeconds(1) };
    private readonly List<Node> _nodes = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Track_OnOneNode_ListedAndDiffedOnTheOther_LeaveToo()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        var diffs = new List<PresenceDiff>();
        using var subscription = b.Presence.Subscribe("room", diff => { lock (diffs) { diffs.Add(diff); } });

        var tracking = a.Presence.Track("room", "ada", s_reading);
        await EventuallyAsync(() => b.Presence.List("room").ContainsKey("ada"));
        Assert.Equal(tracking.Current.Ref, Assert.Single(b.Presence.List("room")["ada"]).Ref);
        tracking.Update(new Dictionary<string, string> { ["status"] = "typing" });
        await EventuallyAsync(() => b.Presence.List("room") is { } list && list.TryGetValue("ada", out var metas) && metas[0].Values["status"] == "typing");
        tracking.Dispose();
        await EventuallyAsync(() => b.Presence.List("room").Count == 0);

        lock (diffs)
        {
            Assert.Equal(3, diffs.Count);
            Assert.Equal(["ada"], diffs[0].Joins.Keys);
            Assert.Equal(["ada"], diffs[1].Joins.Keys);
            Assert.Equal(["ada"], diffs[1].Leaves.Keys);
            Assert.Equal(["ada"], diffs[2].Leaves.Keys);
        }
    }

    [Fact]
    public async Task NodeStarted_Late_SeesWhatOthersTrackedBefore()
    {
        var a = await StartNodeAsync();
        a.Presence.Track("room", "ada", s_reading);
        var b = await StartNodeAsync();
        b.Presence.Track("room", "bob", s_reading);

        await EventuallyAsync(() => b.Presence.List("room").Count == 2);
        await EventuallyAsync(() => a.Presence.List("room").Count == 2);
    }

    [Fact]
    public async Task NodeDiesWithoutLeaving_ItsPresencesLeaveOnTheOther_WithinTimeoutPlusHeartbeat()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        a.Presence.Track("room", "ada", s_reading);
        b.Presence.Track("room", "bob", s_reading);
        await EventuallyAsync(() => a.Presence.List("room").Count == 2);

        var clock = Stopwatch.StartNew();
        await b.DieAsync();
        await EventuallyAsync(() => a.Presence.List("room").Count == 1, TimeSpan.FromSeconds(5));
        clock.Stop();

        Assert.Equal(["ada"], a.Presence.List("room").Keys);
        // The heartbeat in Redis outlives the node by up to the timeout; one survey later it is gone.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), _options.PresenceNodeTimeout + _options.PresenceHeartbeat + TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task NodeCutOffPastTheTimeout_ReapedThenBack_RejoinsWithItsWholeSet()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        a.Presence.Track("room", "ada", s_reading);
        var bob = b.Presence.Track("room", "bob", s_reading);
        await EventuallyAsync(() => a.Presence.List("room").Count == 2 && b.Presence.List("room").Count == 2);

        // As Redis sees a node cut off from it: no more heartbeats; the other node reaps it.
        b.Sync.Dispose();
        await EventuallyAsync(() => a.Presence.List("room").Count == 1, TimeSpan.FromSeconds(5));
        var healed = new PresenceSync(b.Presence, new RedisPresenceStore(b.Connection), b.Connection, _options, TimeProvider.System, NullLogger<PresenceSync>.Instance);
        await healed.StartAsync(CancellationToken.None);

        await EventuallyAsync(() => a.Presence.List("room").Count == 2);
        Assert.Equal(bob.Current.Ref, Assert.Single(a.Presence.List("room")["bob"]).Ref);
        // The cut-off node never judged the other one while it could not survey: no ghost leaves there.
        Assert.Equal(["ada", "bob"], b.Presence.List("room").Keys.Order());
        await healed.StopAsync(CancellationToken.None);
        healed.Dispose();
    }

    [Fact]
    public async Task NodeStops_ItsPresencesLeaveAtOnce()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        b.Presence.Track("room", "bob", s_reading);
        await EventuallyAsync(() => a.Presence.List("room").Count == 1);

        var clock = Stopwatch.StartNew();
        await b.Sync.StopAsync(CancellationToken.None);
        await EventuallyAsync(() => a.Presence.List("room").Count == 0);

        Assert.True(clock.Elapsed < _options.PresenceNodeTimeout, $"left after {clock.Elapsed}, expected the bye before the timeout");
    }

    [Fact]
    public async Task RedisRestartedEmpty_EveryNodeWritesItsSetAgain_NobodyLeaves()
    {
        var (a, b) = (await StartNodeAsync(), await StartNodeAsync());
        a.Presence.Track("room", "ada", s_reading);
        b.Presence.Track("room", "bob", s_reading);
        await EventuallyAsync(() => a.Presence.List("room").Count == 2 && b.Presence.List("room").Count == 2);
        var leaves = 0;
        using var subscription = a.Presence.Subscribe("room", diff => Interlocked.Add(ref leaves, diff.Leaves.Count));

        var port = _redis.Port;
        await _redis.DisposeAsync();
        _redis = await RedisServer.StartAsync(port);
        var c = await StartNodeAsync();
        b.Presence.Track("room", "cy", s_reading);

        await EventuallyAsync(() => c.Presence.List("room").Count == 3, TimeSpan.FromSeconds(10));
        await EventuallyAsync(() => a.Presence.List("room").Count == 3, TimeSpan.FromSeconds(10));
        // Longer than the node timeout after the restart: nobody was judged dead meanwhile.
        await Task.Delay(_options.PresenceNodeTimeout + _options.PresenceHeartbeat);
        Assert.Equal(0, Volatile.Read(ref leaves));
        Assert.Equal(3, a.Presence.List("room").Count);
    }

    private async Task<Node> StartNodeAsync()
    {
        var options = ConfigurationOptions.Parse(_redis.ConnectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(200);
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var store = new RedisPresenceStore(connection);
        var presence = new RedisPresence(store, _options, NullLogger<RedisPresence>.Instance);
        var sync = new PresenceSync(presence, store, connection, _options, TimeProvider.System, NullLogger<PresenceSync>.Instance);
        await sync.StartAsync(CancellationToken.None);
        var node = new Node(connection, presence, sync);
        _nodes.Add(node);
        return node;
    }

    private static async Task EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < (within ?? TimeSpan.FromSeconds(5)), "the condition did not hold in time");
            await Task.Delay(20);
        }
    }

    private sealed record Node(ConnectionMultiplexer Connection, RedisPresence Presence, PresenceSync Sync) : IAsyncDisposable
    {
        private bool _dead;

        /// <summary>As a kill -9 looks to the others: the loop ends and the connection drops, with no goodbye.</summary>
        public async Task DieAsync()
        {
            _dead = true;
            Sync.Dispose();
            await Connection.CloseAsync(allowCommandsToComplete: false);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_dead)
            {
                await Sync.StopAsync(CancellationToken.None);
                Sync.Dispose();
            }
            await Connection.DisposeAsync();
        }
    }
}
