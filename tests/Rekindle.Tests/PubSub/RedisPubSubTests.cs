using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Redis;
using Rekindle.Tests.Recovery;

namespace Rekindle.Tests.PubSub;

/// <summary>The cluster PubSub with its topic logs in Redis streams, against a real redis-server.</summary>
public sealed class RedisPubSubTests(RedisFixture redis) : TopicLogConformanceTests, IClassFixture<RedisFixture>, IDisposable
{
    private readonly RedisPubSub _pubSub = new(
        redis.Connection,
        Options.Create(new PubSubOptions { LogLength = LogLength }),
        Options.Create(new RecoveryOptions()),
        NullLogger<RedisPubSub>.Instance);

    protected override IPubSub PubSub => _pubSub;

    [Fact]
    public async Task ABroadcastFromAnotherNode_ArrivesWithItsLogPosition()
    {
        using var otherNode = new RedisPubSub(redis.Connection, Options.Create(new PubSubOptions()), Options.Create(new RecoveryOptions()), NullLogger<RedisPubSub>.Instance);
        var arrived = new TaskCompletionSource<PubSubMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _pubSub.Subscribe("across", arrived.SetResult);

        await otherNode.BroadcastAsync("across", "hello");
        var message = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("hello", message.Message);
        Assert.Equal(await _pubSub.HeadAsync("across"), message.Position);
    }

    public void Dispose() => _pubSub.Dispose();
}
