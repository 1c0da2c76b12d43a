using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rekindle.Protocol.Tests;

/// <summary>Hostile or broken input gets a clean error on that connection, and other clients never notice.</summary>
public sealed class BadInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"a":1}""")]
    [InlineData("""["1","1","lv:x","phx_join"]""")]
    [InlineData("""[1,"1","lv:x","event",{}]""")]
    [InlineData("""["1","1","lv:x","event",[]]""")]
    [InlineData("""["1","1","lv:x","event",{},"extra"]""")]
    public async Task MalformedFrame_ClosesThatSocketWith1007_OthersKeepWorking(string frame)
    {
        await using var bystander = await JoinedCounterAsync();
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        await offender.SendTextAsync(frame);
        var status = await offender.WaitForCloseAsync();

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        await AssertStillCountsAsync(bystander);
    }

    [Fact]
    public async Task TenMegabyteFrame_ClosesWith1009AndLogsTheLimit_OthersKeepWorking()
    {
        await using var bystander = await JoinedCounterAsync();
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var huge = "[null,\"1\",\"phoenix\",\"heartbeat\",{\"x\":\"" + new string('a', 10 * 1024 * 1024) + "\"}]";

        try
        {
            await offender.SendTextAsync(huge);
        }
        catch (WebSocketException)
        {
            // The server may close while the client is still sending.
        }
        var status = await offender.WaitForCloseAsync();

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("MaxFrameBytes"));
        await AssertStillCountsAsync(bystander);
    }

    [Fact]
    public async Task BinaryFrameTooShortForAPush_ClosesThatSocketWith1007()
    {
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        await offender.SendBinaryAsync([0, 1, 2, 3]);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await offender.WaitForCloseAsync());
    }

    [Fact]
    public async Task EventForUnknownTopic_RepliesUnmatchedTopic_SocketStaysOpen()
    {
        await using var client = await JoinedCounterAsync();

        await client.SendTextAsync("""["9","10","lv:phx-nope","event",{"type":"click","event":"inc","value":{}}]""");
        var reply = await client.ReceiveFrameAsync();

        Assert.Equal("""["9","10","lv:phx-nope","phx_reply",{"status":"error","response":{"reason":"unmatched topic"}}]""", reply!.ToJsonString());
        await AssertStillCountsAsync(client);
    }

    [Fact]
    public async Task JoinOnNonViewTopic_RepliesUnmatchedTopic()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        await client.SendTextAsync("""["1","1","room:lobby","phx_join",{}]""");
        var reply = await client.ReceiveFrameAsync();

        Assert.Equal("unmatched topic", reply![4]!["response"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_ForgedSessionToken_RepliesStale()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        var (_, reply) = await client.JoinAsync(session: client.Page.Session[..^4] + "AAAA");

        Assert.Equal("""{"status":"error","response":{"reason":"stale"}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task Join_TokenOfAnotherPage_RepliesStale()
    {
        var otherPage = await PhoenixClient.GetPageAsync(BaseAddress, "/counter");
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        var (_, reply) = await client.JoinAsync(session: otherPage.Session, staticToken: otherPage.Static);

        Assert.Equal("stale", reply["response"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_WithoutValidCsrfToken_RepliesStale()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter", csrfOverride: "forged");

        var (_, reply) = await client.JoinAsync();

        Assert.Equal("stale", reply["response"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Join_ForgedStaticToken_RepliesStale()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        var (_, reply) = await client.JoinAsync(staticToken: "CfDJ8forged");

        Assert.Equal("stale", reply["response"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upgrade_FromForeignOrigin_IsRefused()
    {
        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() =>
            PhoenixClient.ConnectAsync(BaseAddress, "/counter", options => options.SetRequestHeader("Origin", "https://evil.example")));

        Assert.Contains("403", error.Message);
    }

    [Fact]
    public async Task Upgrade_WithoutVersion2_IsRefused()
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/live/websocket", Query = "vsn=1.0.0" }.Uri;

        var error = await Assert.ThrowsAnyAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));

        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task EventWithoutHandler_RepliesErrorNamingIt_ViewKeepsWorking()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "explode_the_moon");
        var next = await client.ClickAsync(joinRef, "inc");

        Assert.Equal("error", reply["status"]!.GetValue<string>());
        Assert.Contains("no handler for event 'explode_the_moon'", reply["response"]!["reason"]!.GetValue<string>());
        Assert.Equal("""{"0":"1"}""", PhoenixClient.RenderDiff(next));
    }

    [Fact]
    public async Task FormEventWithoutHandler_RepliesOkAndWarns_SoFormRecoveryCannotStall()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", new JsonObject { ["type"] = "form", ["event"] = "recover_nothing", ["value"] = "a=1" });

        Assert.Equal("""{"status":"ok","response":{}}""", reply.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("no handler for form event recover_nothing"));
    }

    [Fact]
    public async Task TwoFormsWithTheSameId_PageStillServes_ErrorNamesTheId()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/duplicate-forms");
        var (_, reply) = await client.JoinAsync();

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("DuplicateFormsLive renders more than one <form> with id \"same\""));
    }

    [Fact]
    public async Task EventWithoutName_RepliesError()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", new JsonObject { ["type"] = "click", ["value"] = new JsonObject() });

        Assert.Equal("""{"status":"error","response":{"reason":"the event payload has no event name"}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task CrashingHandler_PushesPhxErrorForThatView_OtherViewOnSameSocketKeepsWorking()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/crash");
        var (crashJoin, _) = await client.JoinAsync();
        var counterPage = await client.GetPageAsync("/counter");
        var (counterJoin, counterReply) = await client.JoinAsync(page: counterPage);
        Assert.Equal("ok", counterReply["status"]!.GetValue<string>());

        await client.SendAsync(new JsonArray(crashJoin, client.NextRef(), client.Topic, "event",
            new JsonObject { ["type"] = "click", ["event"] = "boom", ["value"] = new JsonObject() }));
        var error = await client.ReceiveFrameAsync();

        Assert.Equal($"""["{crashJoin}",null,"{client.Topic}","phx_error",{"{"}"reason":"view crashed"{"}"}]""", error!.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("CrashLive") && line.Exception?.Message == "boom from CrashLive");
        var (rejoinRef, rejoin) = await client.JoinAsync();
        Assert.Equal("ok", rejoin["status"]!.GetValue<string>());
        var click = await client.ClickAsync(rejoinRef, "click");
        Assert.Equal("1", click["response"]!["diff"]!["1"]!.GetValue<string>());
        var counterClick = await client.ClickAsync(counterJoin, "inc", topic: "lv:" + counterPage.ViewId);
        Assert.Equal("""{"0":"1"}""", PhoenixClient.RenderDiff(counterClick));
    }

    private async Task<PhoenixClient> JoinedCounterAsync()
    {
        var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        await client.JoinAsync();
        return client;
    }

    private static async Task AssertStillCountsAsync(PhoenixClient client)
    {
        var reply = await client.ClickAsync("1", "inc");
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.NotNull(reply["response"]!["diff"]!["0"]);
    }
}
