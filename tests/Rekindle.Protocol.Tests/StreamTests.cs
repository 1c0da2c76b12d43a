using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Streams over a real socket (docs/protocol.md §4.8), against StreamLive at /test/stream.</summary>
public sealed class StreamTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    [Fact]
    public async Task Stream_JoinEventAndRejoin_SendsItemsOnceAndStreamsAgainOnEachMount()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, $"/test/stream?list={Guid.NewGuid():N}");
        Assert.Contains("<li id=\"songs-1\">", client.Page.Html, StringComparison.Ordinal);
        var (joinRef, join) = await client.JoinAsync();

        var songs = join["response"]!["rendered"]!["1"]!;
        Assert.Equal("""["0",[["songs-1",-1,null,false],["songs-2",-1,null,false],["songs-3",-1,null,false]],[]]""", songs["stream"]!.ToJsonString());
        Assert.Equal(3, songs["k"]!["kc"]!.GetValue<int>());
        Assert.Equal("""{"0":"songs-2","1":"Two","2":"songs-2"}""", songs["k"]!["1"]!.ToJsonString());

        var append = await client.ClickAsync(joinRef, "append");
        Assert.Equal(
            """{"1":{"k":{"0":{"0":"songs-4","1":"Song 4","2":"songs-4"},"kc":1},"stream":["0",[["songs-4",-1,null,false]],[]]}}""",
            PhoenixClient.RenderDiff(append));

        var delete = await client.ClickAsync(joinRef, "delete", new JsonObject { ["id"] = "songs-2" });
        Assert.Equal("""{"1":{"k":{"kc":0},"stream":["0",[],["songs-2"]]}}""", PhoenixClient.RenderDiff(delete));

        var reset = await client.ClickAsync(joinRef, "reset");
        Assert.Equal(
            """{"1":{"k":{"0":{"0":"songs-5","1":"Song 5","2":"songs-5"},"1":{"0":"songs-6","1":"Song 6","2":"songs-6"},"kc":2},"stream":["0",[["songs-5",-1,null,false],["songs-6",-1,null,false]],[],true]}}""",
            PhoenixClient.RenderDiff(reset));

        // Nothing streamed: the stream is left out of the diff (the client keeps its items).
        var unknown = await client.ClickAsync(joinRef, "delete", new JsonObject());
        Assert.Equal("""{"status":"ok","response":{}}""", unknown.ToJsonString());

        await using var again = await PhoenixClient.ReconnectAsync(client);
        var (_, rejoin) = await again.JoinAsync();
        var rendered = rejoin["response"]!["rendered"]!;
        Assert.Equal("2", rendered["0"]!.GetValue<string>());
        Assert.Equal("""["0",[["songs-5",-1,null,false],["songs-6",-1,null,false]],[]]""", rendered["1"]!["stream"]!.ToJsonString());
    }
}
