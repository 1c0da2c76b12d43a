using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Recovery;
using Rekindle.Redis;
using Rekindle.Tests.Recovery;

namespace Rekindle.Tests.Redis;

/// <summary>The state store's conformance suite against a real Redis Cluster.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterStateStoreTests(RedisClusterFixture redis) : StateStoreConformanceTests
{
    private readonly RedisStateStore _store = new(redis.Connection, NullLogger.Instance, $"test:{Guid.NewGuid():N}:");

    protected override IStateStore Store => _store;

    protected override TimeSpan ShortTimeToLive => TimeSpan.FromMilliseconds(150);

    protected override Task LetShortTimeToLivePassAsync() => Task.Delay(TimeSpan.FromMilliseconds(400));
}
