using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Messages broadcast while a view was away reach it once it is restored, in order and once each,
/// from the topic's log (SQLite on one node); when they cannot all be replayed, the view is told.
/// </summary>
public sealed class ReplayTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task MessagesBroadcastWhileAway_AreReplayedInOrder_AfterTheRestoredPage()
    {
        var topic = Guid.NewGuid().ToString("N");
        var page = await PhoenixClient.GetPageAsync(fixture.Host.BaseAddress, "/test/feed/" + topic);
        await using (var first = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, page))
        {
            var feed = await FeedClient.JoinAsync(first);
            await FeedClient.BroadcastAsync(fixture.Host.BaseAddress, topic, "a", "b");
            await feed.ExpectItemsAsync("a,b");
        }

        await FeedClient.BroadcastAsync(fixture.Host.BaseAddress, topic, "c", "d", "e");
        await using var second = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, page);
        var restored = await FeedClient.JoinAsync(second, rejoin: true);

        Assert.StartsWith("a,b", restored.Items);
        Assert.StartsWith("replaying", restored.Restore);
        await restored.ExpectItemsAsync("a,b,c,d,e");
        await FeedClient.BroadcastAsync(fixture.Host.BaseAddress, topic, "f");
        await restored.ExpectItemsAsync("a,b,c,d,e,f");
    }

    [Fact]
    public async Task MoreMissedThanTheReplayLimit_ViewIsToldTheTopicLostMessages()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:PubSub:MaxReplayedMessages", "2");
        var topic = Guid.NewGuid().ToString("N");
        var page = await PhoenixClient.GetPageAsync(host.BaseAddress, "/test/feed/" + topic);
        await using (var first = await PhoenixClient.ConnectAsync(host.BaseAddress, page))
        {
            var feed = await FeedClient.JoinAsync(first);
            await FeedClient.BroadcastAsync(host.BaseAddress, topic, "a");
            await feed.ExpectItemsAsync("a");
        }

        await FeedClient.BroadcastAsync(host.BaseAddress, topic, "b", "c", "d");
        await using var second = await PhoenixClient.ConnectAsync(host.BaseAddress, page);
        var restored = await FeedClient.JoinAsync(second, rejoin: true);

        Assert.Equal("lost feed:" + topic, restored.Restore);
        await restored.ExpectItemsAsync("a");
        await FeedClient.BroadcastAsync(host.BaseAddress, topic, "e");
        await restored.ExpectItemsAsync("a,e");
    }

    [Fact]
    public async Task MessagesBroadcastBeforeAndAfterARestart_AreReplayedFromTheLogFile()
    {
        var data = TestHost.NewDataPath();
        var topic = Guid.NewGuid().ToString("N");
        PhoenixClient.PageTokens page;
        await using (var before = await TestHost.StartWithDataAsync(data))
        {
            page = await PhoenixClient.GetPageAsync(before.BaseAddress, "/test/feed/" + topic);
            await using (var first = await PhoenixClient.ConnectAsync(before.BaseAddress, page))
            {
                var feed = await FeedClient.JoinAsync(first);
                await FeedClient.BroadcastAsync(before.BaseAddress, topic, "a");
                await feed.ExpectItemsAsync("a");
            }
            await FeedClient.BroadcastAsync(before.BaseAddress, topic, "b");
        }

        await using var after = await TestHost.StartWithDataAsync(data);
        await FeedClient.BroadcastAsync(after.BaseAddress, topic, "c");
        await using var second = await PhoenixClient.ConnectAsync(after.BaseAddress, page);
        var restored = await FeedClient.JoinAsync(second, rejoin: true);

        Assert.Equal("replaying 2", restored.Restore);
        await restored.ExpectItemsAsync("a,b,c");
        await FeedClient.BroadcastAsync(after.BaseAddress, topic, "d");
        await restored.ExpectItemsAsync("a,b,c,d");
    }
}
