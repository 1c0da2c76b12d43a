using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Redis;
using StackExchange.Redis;

namespace Rekindle.Tests.Redis;

/// <summary>
/// Presence and the node relay against a real Redis Cluster: every script's keys declared and in one
/// hash slot, and the relay's "does anybody listen" answers right whichever primary a node's
/// subscription went to. Two nodes in this process, each with its own connection.
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterPresenceTests(RedisClusterFixture redis) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_reading = new() { ["status"] = "reading" };

    private readonly RekindleRedisOptions _options = new() { PresenceHeartbeat = TimeSpan.FromMilliseconds(200), PresenceNodeTimeout = TimeSpan.FromSeconds(1) };
    private readonly List<(RedisPresence Presence, PresenceSync Sync)> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (_, sync) in _nodes)
        {
            await sync.StopAsync(CancellationToken.None);
            sync.Dispose();
        }
    }

    [Fact]
    public async Task Presence_OnACluster_TrackedOnOneNodeListedOnTheOther_LeavesWhenItsNodeStopsAndWhenItDies()
    {
        var (a, b, c) = (await StartNodeAsync(), await StartNodeAsync(), await StartNodeAsync());
        a.Presence.Track("room", "ada", s_reading);
        b.Presence.Track("room", "bob", s_reading);
        c.Presence.Track("room", "cy", s_reading);
        await EventuallyAsync(() => a.Presence.List("room").Count == 3 && b.Presence.List("room").Count == 3);

        await c.Sync.StopAsync(CancellationToken.None);
        await EventuallyAsync(() => a.Presence.List("room").Count == 2);
        b.Sync.Dispose(); // no more heartbeats and no goodbye, as a killed node
        var clock = Stopwatch.StartNew();
        await EventuallyAsync(() => a.Presence.List("room").Count == 1, TimeSpan.FromSeconds(5));

        Assert.Equal(["ada"], a.Presence.List("room").Keys);
        Assert.True(clock.Elapsed < _options.PresenceNodeTimeout + _options.PresenceHeartbeat + TimeSpan.FromMilliseconds(500), $"left after {clock.Elapsed}");
    }

    [Fact]
    public async Task NodeRelay_OnACluster_AskReachesTheOtherNode_AndANodeNobodyListensForIsNullAtOnce()
    {
        var asker = await NewRelayAsync();
        var answerers = new List<RedisNodeRelay>();
        // Several answerers, so that their channels hash to slots of different primaries.
        for (var i = 0; i < 6; i++)
        {
            var answerer = await NewRelayAsync();
            answerer.Answer("echo", (request, _) => Task.FromResult($"{request} from {answerer.Node}"));
            answerers.Add(answerer);
        }

        foreach (var answerer in answerers)
        {
            Assert.Equal($"hello from {answerer.Node}", await asker.AskAsync(answerer.Node, "echo", "hello", TimeSpan.FromSeconds(5)));
        }
        var clock = Stopwatch.StartNew();
        Assert.Null(await asker.AskAsync(Guid.NewGuid().ToString("N"), "echo", "hello", TimeSpan.FromSeconds(30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
    }

    private async Task<(RedisPresence Presence, PresenceSync Sync)> StartNodeAsync()
    {
        var connection = await redis.ConnectAsync();
        var store = new RedisPresenceStore(connection);
        var presence = new RedisPresence(store, _options, NullLogger<RedisPresence>.Instance);
        var sync = new PresenceSync(presence, store, connection, _options, TimeProvider.System, NullLogger<PresenceSync>.Instance);
        await sync.StartAsync(CancellationToken.None);
        _nodes.Add((presence, sync));
        return (presence, sync);
    }

    private async Task<RedisNodeRelay> NewRelayAsync()
    {
        var connection = await redis.ConnectAsync();
        var relay = new RedisNodeRelay(connection, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), TimeProvider.System, NullLogger<RedisNodeRelay>.Instance);
        // The subscription is made in the background: wait until the shard that owns the channel counts it.
        var deadline = Stopwatch.StartNew();
        while (await connection.GetSubscriber().PublishAsync(RedisChannel.Sharded("rekindle:relay:" + relay.Node), "{}") == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "the relay did not subscribe");
            await Task.Delay(10);
        }
        return relay;
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
}
