namespace Rekindle.Protocol.Tests;

public sealed class PubSubTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Broadcast_FromAnEndpoint_ReachesEverySubscribedViewAsADiffPush()
    {
        await using var first = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/ticker");
        await using var second = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/ticker");
        var (firstJoin, _) = await first.JoinAsync();
        await second.JoinAsync();
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var response = await http.PostAsync("/test/broadcast?message=hello%20%3Call%3E", null);
        var pushed1 = await first.ReceiveFrameAsync();
        var pushed2 = await second.ReceiveFrameAsync();

        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal($$"""["{{firstJoin}}",null,"{{first.Topic}}","diff"]""", new System.Text.Json.Nodes.JsonArray([.. pushed1!.Take(4).Select(n => n?.DeepClone())]).ToJsonString());
        Assert.Equal("hello &lt;all&gt;", pushed1![4]!["0"]!.GetValue<string>());
        Assert.Equal("hello &lt;all&gt;", pushed2![4]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAfter_DeliversToHandleInfoLater()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/ticker");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "later");
        var pushed = await client.ReceiveFrameAsync();

        Assert.Equal("""{"status":"ok","response":{}}""", reply.ToJsonString());
        Assert.Equal("""{"1":"tick"}""", pushed![4]!.ToJsonString());
    }

    [Fact]
    public async Task LeftView_NoLongerReceivesBroadcasts()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/ticker");
        var (joinRef, _) = await client.JoinAsync();
        await client.PushAsync(joinRef, "phx_leave", []);
        var closed = await client.ReceiveFrameAsync();
        Assert.Equal("phx_close", closed![3]!.GetValue<string>());
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        await http.PostAsync("/test/broadcast?message=after-leave", null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReceiveFrameAsync(TimeSpan.FromMilliseconds(300)));
    }
}
