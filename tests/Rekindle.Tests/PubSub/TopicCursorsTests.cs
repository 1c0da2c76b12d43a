using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.PubSub;
using Rekindle.Runtime;

namespace Rekindle.Tests.PubSub;

/// <summary>A view's positions in its topics: catch-up after a restore, and live copies of replayed messages skipped.</summary>
public sealed class TopicCursorsTests : IAsyncLifetime
{
    private readonly SqliteTopicLog _log = new(Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"), "topics.db"), 100, TimeSpan.FromHours(1), TimeProvider.System, NullLogger.Instance);
    private readonly LocalPubSub _pubSub;

    public TopicCursorsTests() => _pubSub = new LocalPubSub(_log, NullLogger<LocalPubSub>.Instance);

    [Fact]
    public async Task New_AViewThatSubscribesToNothing_AllocatesNoCollections()
    {
        _ = new TopicCursors(_pubSub, maxReplayed: 10, NullLogger.Instance); // the first construction may allocate for the runtime
        var before = GC.GetAllocatedBytesForCurrentThread();

        var cursors = new TopicCursors(_pubSub, maxReplayed: 10, NullLogger.Instance);

        // Issue 23: 64 B (the object alone) against 208 B with the eager dictionary and set every view had.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 1, 64);
        Assert.Null(cursors.Capture());
        Assert.False(cursors.HasUnpositioned);
        Assert.Empty((await cursors.CatchUpAsync(CancellationToken.None)).Replay);
    }

    [Fact]
    public async Task AfterARestore_TheMissedMessagesAreReplayed_AndTheirLiveCopiesSkipped()
    {
        var live = new List<PubSubMessage>();
        var cursors = new TopicCursors(_pubSub, maxReplayed: 10, NullLogger.Instance);
        using var subscription = cursors.Subscribe("news", live.Add);
        await _pubSub.BroadcastAsync("news", "handled");
        cursors.Restore(new Dictionary<string, string> { ["news"] = live[0].Position!.Value.ToString() });
        await _pubSub.BroadcastAsync("news", "missed");

        var catchUp = await cursors.CatchUpAsync(CancellationToken.None);
        await _pubSub.BroadcastAsync("news", "new");

        Assert.Equal(["missed"], catchUp.Replay.Select(m => (string)m.Message));
        Assert.Empty(catchUp.LostTopics);
        Assert.False(cursors.Advance(live[1]));
        Assert.True(cursors.Advance(live[2]));
        Assert.Equal(new Dictionary<string, string> { ["news"] = live[2].Position!.Value.ToString() }, cursors.Capture());
    }

    [Fact]
    public async Task AFreshSubscription_StartsAtTheHead_AndNeverMovesBack()
    {
        var live = new List<PubSubMessage>();
        await _pubSub.BroadcastAsync("old", "before");
        var head = await _pubSub.HeadAsync("old");
        var cursors = new TopicCursors(_pubSub, maxReplayed: 10, NullLogger.Instance);
        using var subscription = cursors.Subscribe("old", live.Add);

        Assert.True(cursors.HasUnpositioned);
        var catchUp = await cursors.CatchUpAsync(CancellationToken.None);
        await _pubSub.BroadcastAsync("old", "after");
        cursors.Advance(live[0]);
        cursors.Advance(new PubSubMessage("old", "stale copy", head));

        Assert.Empty(catchUp.Replay);
        Assert.False(cursors.HasUnpositioned);
        Assert.Equal(live[0].Position!.Value.ToString(), cursors.Capture()!["old"]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _log.DisposeAsync();
}
