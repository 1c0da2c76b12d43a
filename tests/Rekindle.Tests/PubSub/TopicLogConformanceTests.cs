using Rekindle.PubSub;

namespace Rekindle.Tests.PubSub;

/// <summary>What every <see cref="IPubSub"/> must do with its topic logs: positions, replay reads, trimming, and messages that cannot be logged.</summary>
public abstract class TopicLogConformanceTests
{
    protected const int LogLength = 10;

    /// <summary>A PubSub whose logs keep about <see cref="LogLength"/> messages per topic.</summary>
    protected abstract IPubSub PubSub { get; }

    private static string NewTopic() => "t:" + Guid.NewGuid().ToString("N");

    private async Task<List<PubSubMessage>> BroadcastAllAsync(string topic, int count)
    {
        var received = new List<PubSubMessage>();
        using var subscription = PubSub.Subscribe(topic, received.Add);
        for (var i = 0; i < count; i++)
        {
            await PubSub.BroadcastAsync(topic, $"m{i}");
        }
        return received;
    }

    [Fact]
    public async Task Broadcast_DeliversWithIncreasingPositions_AndTheLastIsTheHead()
    {
        var topic = NewTopic();

        var received = await BroadcastAllAsync(topic, 3);

        Assert.Equal(["m0", "m1", "m2"], received.Select(m => (string)m.Message));
        Assert.All(received, m => Assert.NotNull(m.Position));
        Assert.True(received[0].Position < received[1].Position && received[1].Position < received[2].Position);
        Assert.Equal(received[2].Position, await PubSub.HeadAsync(topic));
    }

    [Fact]
    public async Task ReadAfter_GivesTheLaterMessagesInOrder()
    {
        var topic = NewTopic();
        var received = await BroadcastAllAsync(topic, 3);

        var history = await PubSub.ReadAfterAsync(topic, received[0].Position!.Value, limit: 5);

        Assert.True(history.Complete);
        Assert.Equal(["m1", "m2"], history.Messages.Select(m => (string)m.Message));
        Assert.Equal(received.Skip(1).Select(m => m.Position), history.Messages.Select(m => m.Position));
        Assert.Equal(received[2].Position, history.Head);
    }

    [Fact]
    public async Task ReadAfter_TheHead_OrOfAnUnusedTopic_IsCompleteAndEmpty()
    {
        var topic = NewTopic();
        var received = await BroadcastAllAsync(topic, 2);

        var atHead = await PubSub.ReadAfterAsync(topic, received[1].Position!.Value, limit: 5);
        var unused = await PubSub.ReadAfterAsync(NewTopic(), TopicPosition.Start, limit: 5);

        Assert.True(atHead.Complete);
        Assert.Empty(atHead.Messages);
        Assert.True(unused.Complete);
        Assert.Empty(unused.Messages);
        Assert.Equal(TopicPosition.Start, await PubSub.HeadAsync(NewTopic()));
    }

    [Fact]
    public async Task ReadAfter_WithMoreMissedThanTheLimit_IsIncomplete()
    {
        var topic = NewTopic();
        var received = await BroadcastAllAsync(topic, 5);

        var history = await PubSub.ReadAfterAsync(topic, received[0].Position!.Value, limit: 3);

        Assert.False(history.Complete);
        Assert.Empty(history.Messages);
        Assert.Equal(received[4].Position, history.Head);
    }

    [Fact]
    public async Task ReadAfter_ATrimmedPosition_IsIncomplete_WhileARecentOneStillReads()
    {
        var topic = NewTopic();
        var received = await BroadcastAllAsync(topic, 30 * LogLength);

        var trimmed = await PubSub.ReadAfterAsync(topic, received[0].Position!.Value, limit: 1000);
        var recent = await PubSub.ReadAfterAsync(topic, received[^3].Position!.Value, limit: 1000);

        Assert.False(trimmed.Complete);
        Assert.True(recent.Complete);
        Assert.Equal([$"m{30 * LogLength - 2}", $"m{30 * LogLength - 1}"], recent.Messages.Select(m => (string)m.Message));
    }

    [Fact]
    public async Task ReadAfter_APositionThisLogNeverGave_IsIncomplete()
    {
        var topic = NewTopic();
        await BroadcastAllAsync(topic, 2);

        var history = await PubSub.ReadAfterAsync(topic, new TopicPosition(long.MaxValue / 2, 7), limit: 5);

        Assert.False(history.Complete);
        Assert.Empty(history.Messages);
    }

    [Fact]
    public async Task AMessageThatCannotBeSerialized_IsDeliveredWithoutAPosition_AndNotLogged()
    {
        var topic = NewTopic();
        var received = new List<PubSubMessage>();
        using var subscription = PubSub.Subscribe(topic, received.Add);

        await PubSub.BroadcastAsync(topic, new Unserializable(() => { }));

        var delivered = Assert.Single(received);
        Assert.IsType<Unserializable>(delivered.Message);
        Assert.Null(delivered.Position);
        Assert.Equal(TopicPosition.Start, await PubSub.HeadAsync(topic));
    }

    private sealed record Unserializable(Action Callback);
}
