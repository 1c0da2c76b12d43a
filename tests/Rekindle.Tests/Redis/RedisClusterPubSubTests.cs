using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Redis;
using Rekindle.Tests.PubSub;

namespace Rekindle.Tests.Redis;

/// <summary>The PubSub's topic-log conformance suite against a real Redis Cluster, and a broadcast between two nodes' connections.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterPubSubTests(RedisClusterFixture redis) : TopicLogConformanceTests, IDisposable
{
    private readonly RedisPubSub _pubSub = new(
        redis.Connection,
        Options.Create(new PubSubOptions { LogLength = LogLength }),
        Options.Create(new RecoveryOptions()),
        NullLogger<RedisPubSub>.Instance);

    protected override IPubSub PubSub => _pubSub;

    [Theory]
    [InlineData("votes")]
    [InlineData("room:{42}")]
    [InlineData("a}b{c")]
    public async Task Broadcast_FromAnotherNodesConnection_ArrivesWithItsLogPosition(string name)
    {
        var topic = $"{name}:{Guid.NewGuid():N}";
        using var otherNode = new RedisPubSub(await redis.ConnectAsync(), Options.Create(new PubSubOptions()), Options.Create(new RecoveryOptions()), NullLogger<RedisPubSub>.Instance);
        var arrived = new TaskCompletionSource<PubSubMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _pubSub.Subscribe(topic, arrived.SetResult);

        await otherNode.BroadcastAsync(topic, "hello");
        var message = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("hello", message.Message);
        Assert.NotNull(message.Position);
        Assert.Equal(await _pubSub.HeadAsync(topic), message.Position);
        var history = await _pubSub.ReadAfterAsync(topic, TopicPosition.Start, 10);
        Assert.True(history.Complete);
        Assert.Equal("hello", Assert.Single(history.Messages).Message);
    }

    public void Dispose() => _pubSub.Dispose();
}
