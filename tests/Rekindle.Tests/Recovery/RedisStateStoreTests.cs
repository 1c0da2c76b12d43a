using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Rekindle.Recovery;
using Rekindle.Redis;
using Rekindle.TestApp;
using StackExchange.Redis;

namespace Rekindle.Tests.Recovery;

/// <summary>A redis-server for the Redis store's conformance run.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        Connection = await ConnectionMultiplexer.ConnectAsync(Server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>The conformance suite against a real redis-server (real time for expiry).</summary>
public sealed class RedisStateStoreTests(RedisFixture redis) : StateStoreConformanceTests, IClassFixture<RedisFixture>
{
    private readonly RedisStateStore _store = new(redis.Connection, NullLogger.Instance, $"test:{Guid.NewGuid():N}:");

    protected override IStateStore Store => _store;

    protected override TimeSpan ShortTimeToLive => TimeSpan.FromMilliseconds(150);

    protected override Task LetShortTimeToLivePassAsync() => Task.Delay(TimeSpan.FromMilliseconds(400));
}

/// <summary>Issue 9: two nodes (each with its own connection) writing one view's snapshots out of order.</summary>
public sealed class RedisStateStoreRaceTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task TwoNodesSavingOutOfOrder_TheNewestGenerationAlwaysWins()
    {
        var prefix = $"race:{Guid.NewGuid():N}:";
        await using var otherNode = await ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString);
        var logger = new FakeLogger();
        IStateStore[] nodes = [new RedisStateStore(redis.Connection, logger, prefix), new RedisStateStore(otherNode, logger, prefix)];
        var generations = Enumerable.Range(1, 200).ToArray();
        Random.Shared.Shuffle(generations);

        for (var key = 0; key < 5; key++)
        {
            await Task.WhenAll(generations.Select((generation, i) =>
                nodes[i % 2].SaveAsync($"view-{key}", generation, BitConverter.GetBytes(generation), TimeSpan.FromMinutes(1), CancellationToken.None).AsTask()));

            foreach (var node in nodes)
            {
                Assert.Equal(200, BitConverter.ToInt32(await node.LoadAsync($"view-{key}", CancellationToken.None)));
            }
            // A late write of an older generation from either node changes nothing, and says so.
            logger.Collector.Clear();
            await nodes[key % 2].SaveAsync($"view-{key}", 199, BitConverter.GetBytes(199), TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.Equal(200, BitConverter.ToInt32(await nodes[(key + 1) % 2].LoadAsync($"view-{key}", CancellationToken.None)));
            var kept = Assert.Single(logger.Collector.GetSnapshot(), record => record.Id.Id == 5115);
            Assert.Equal(LogLevel.Debug, kept.Level);
            Assert.Contains("generation 200", kept.Message);
        }
    }
}
