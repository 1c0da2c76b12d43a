using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>A real redis-server shared by two nodes of the app, each with its own data folder.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public TestHost NodeA { get; private set; } = null!;

    public TestHost NodeB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        NodeA = await TestHost.StartAsync("--Redis:Connection", Redis.ConnectionString);
        NodeB = await TestHost.StartAsync("--Redis:Connection", Redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

/// <summary>Several nodes behind no sticky sessions: tokens, state and broadcasts work across them.</summary>
public sealed class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ViewStartedOnOneNode_RejoinedOnAnother_GetsItsStateBack()
    {
        await using var onA = await PhoenixClient.ConnectAsync(cluster.NodeA.BaseAddress, "/counter");
        var (joinRef, _) = await onA.JoinAsync();
        for (var i = 0; i < 3; i++)
        {
            await onA.ClickAsync(joinRef, "inc");
        }
        await onA.DisposeAsync();

        await using var onB = await PhoenixClient.ConnectAsync(cluster.NodeB.BaseAddress, onA.Page);
        var (_, reply) = await onB.JoinAsync(new JsonObject { ["_mounts"] = 1 });

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("3", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task BroadcastOnOneNode_ReachesViewsOnEveryNode()
    {
        await using var onA = await PhoenixClient.ConnectAsync(cluster.NodeA.BaseAddress, "/test/ticker");
        await using var onB = await PhoenixClient.ConnectAsync(cluster.NodeB.BaseAddress, "/test/ticker");
        await onA.JoinAsync();
        await onB.JoinAsync();
        using var http = new HttpClient { BaseAddress = cluster.NodeA.BaseAddress };

        await http.PostAsync("/test/broadcast?message=across", null);
        var pushedA = await onA.ReceiveFrameAsync();
        var pushedB = await onB.ReceiveFrameAsync();

        Assert.Equal("across", pushedA![4]!["0"]!.GetValue<string>());
        Assert.Equal("across", pushedB![4]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessagesBroadcastOnAnyNodeWhileAway_AreReplayedWhenTheViewRestoresOnAnotherNode()
    {
        var topic = Guid.NewGuid().ToString("N");
        var page = await PhoenixClient.GetPageAsync(cluster.NodeA.BaseAddress, "/test/feed/" + topic);
        await using (var onA = await PhoenixClient.ConnectAsync(cluster.NodeA.BaseAddress, page))
        {
            var feed = await FeedClient.JoinAsync(onA);
            await FeedClient.BroadcastAsync(cluster.NodeB.BaseAddress, topic, "a");
            await feed.ExpectItemsAsync("a");
        }

        await FeedClient.BroadcastAsync(cluster.NodeB.BaseAddress, topic, "b");
        await FeedClient.BroadcastAsync(cluster.NodeA.BaseAddress, topic, "c");
        await using var onB = await PhoenixClient.ConnectAsync(cluster.NodeB.BaseAddress, page);
        var restored = await FeedClient.JoinAsync(onB, rejoin: true);

        Assert.Equal("replaying 2", restored.Restore);
        await restored.ExpectItemsAsync("a,b,c");
        await FeedClient.BroadcastAsync(cluster.NodeA.BaseAddress, topic, "d");
        await restored.ExpectItemsAsync("a,b,c,d");
    }
}
