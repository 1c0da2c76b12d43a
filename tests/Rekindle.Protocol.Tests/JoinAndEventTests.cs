using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

public sealed class JoinAndEventTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    [Fact]
    public async Task Join_ValidTokens_RepliesFullRenderWithVersion()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, reply) = await client.JoinAsync();

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        var rendered = reply["response"]!["rendered"]!;
        Assert.Equal("1.2.12", reply["response"]!["liveview_version"]!.GetValue<string>());
        Assert.Equal("0", rendered["0"]!.GetValue<string>());
        Assert.Equal("Counter", rendered["t"]!.GetValue<string>());
        Assert.Contains("<span id=\"count\">", string.Join("", rendered["s"]!.AsArray().Select(s => s!.GetValue<string>())));
        Assert.Equal("1", joinRef);
    }

    [Fact]
    public async Task Click_Inc_RepliesOnlyTheChangedDynamic()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "inc");

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("""{"0":"1"}""", PhoenixClient.RenderDiff(reply));
    }

    [Fact]
    public async Task Click_Twice_RepliesAreInOrderWithExactRefs()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();
        var first = client.NextRef();
        var second = client.NextRef();
        var click = new JsonObject { ["type"] = "click", ["event"] = "inc", ["value"] = new JsonObject { ["value"] = "" } };

        await client.SendAsync(new JsonArray(joinRef, first, client.Topic, "event", click.DeepClone()));
        await client.SendAsync(new JsonArray(joinRef, second, client.Topic, "event", click.DeepClone()));
        var frame1 = await client.ReceiveFrameAsync();
        var frame2 = await client.ReceiveFrameAsync();

        Assert.Equal(first, frame1![1]!.GetValue<string>());
        Assert.Equal(joinRef, frame1[0]!.GetValue<string>());
        Assert.Equal("""{"0":"1"}""", PhoenixClient.RenderDiff(frame1[4]!));
        Assert.Equal(second, frame2![1]!.GetValue<string>());
        Assert.Equal("""{"0":"2"}""", PhoenixClient.RenderDiff(frame2[4]!));
    }

    [Fact]
    public async Task Heartbeat_RepliesOkOnPhoenixTopic()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        await client.SendTextAsync("""[null,"42","phoenix","heartbeat",{}]""");
        var frame = await client.ReceiveFrameAsync();

        Assert.Equal("""[null,"42","phoenix","phx_reply",{"status":"ok","response":{}}]""", frame!.ToJsonString());
    }

    [Fact]
    public async Task FormChange_UrlEncodedValue_IsParsedIntoFormData()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/form");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "validate",
            ["value"] = "user%5Bname%5D=Jo+%3Cb%3E&tags%5B%5D=a&tags%5B%5D=b&_unused_x=",
            ["meta"] = new JsonObject { ["_target"] = "user[name]" },
            ["uploads"] = new JsonObject(),
        });

        var diff = reply["response"]!["diff"]!;
        Assert.Equal("Jo &lt;b&gt;", diff["0"]!.GetValue<string>());
        Assert.Equal(" checked", diff["1"]!.GetValue<string>());
        Assert.Equal(" checked", diff["2"]!.GetValue<string>());
        Assert.Equal("Jo &lt;b&gt;", diff["3"]!.GetValue<string>());
        Assert.Equal("user[name]", diff["4"]!.GetValue<string>());
        Assert.Equal("a,b", diff["5"]!.GetValue<string>());
    }

    [Fact]
    public async Task Leave_RepliesOkAndFreesTheTopic()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var leave = await client.PushAsync(joinRef, "phx_leave", []);
        var after = await client.ClickAsync(joinRef, "inc");

        Assert.Equal("ok", leave["status"]!.GetValue<string>());
        Assert.Equal("""{"status":"error","response":{"reason":"unmatched topic"}}""", after.ToJsonString());
    }

    [Fact]
    public async Task Leave_RepliesOkThenClosesTheChannelWithTheJoinRef_AsPhoenix()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var leave = await client.PushAsync(joinRef, "phx_leave", []);
        var next = await client.ReceiveFrameAsync();

        Assert.Equal("ok", leave["status"]!.GetValue<string>());
        Assert.Equal($$"""["{{joinRef}}","{{joinRef}}","{{client.Topic}}","phx_close",{}]""", next!.ToJsonString());
    }

    [Fact]
    public async Task Join_SameTopicTwice_ClosesTheOldMembershipAndServesTheNewWithRestoredState()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (firstJoin, _) = await client.JoinAsync();
        await client.ClickAsync(firstJoin, "inc");

        var (secondJoin, reply) = await client.JoinAsync();
        var click = await client.ClickAsync(secondJoin, "inc");

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Contains(client.Received, frame => frame[3]!.GetValue<string>() == "phx_close" && frame[0]!.GetValue<string>() == firstJoin);
        Assert.Equal("1", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
        Assert.Equal("""{"0":"2"}""", PhoenixClient.RenderDiff(click));
    }
}
