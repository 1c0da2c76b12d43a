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
    private readonly RedisStateStore _store = new(redis.Connection, $"test:{Guid.NewGuid():N}:");

    protected override IStateStore Store => _store;

    protected override TimeSpan ShortTimeToLive => TimeSpan.FromMilliseconds(150);

    protected override Task LetShortTimeToLivePassAsync() => Task.Delay(TimeSpan.FromMilliseconds(400));
}
