using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Components behave as Phoenix's (issue 17): they navigate the view that holds them, and SendUpdate from UpdateAsync arrives.</summary>
public sealed class ComponentParityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static JsonObject Click(string eventName, int cid) => new()
    {
        ["type"] = "click",
        ["event"] = eventName,
        ["value"] = new JsonObject(),
        ["cid"] = cid,
    };

    [Fact]
    public async Task ComponentPushPatch_PatchesTheParentView_LivePatchThenTheParentsDiff()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/component-navigation");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", Click("patch", cid: 1));

        var patch = Assert.Single(client.Received);
        Assert.Equal("live_patch", patch[3]!.GetValue<string>());
        Assert.Equal("/test/parity/component-navigation?page=2", patch[4]!["to"]!.GetValue<string>());
        Assert.Equal("2", reply["response"]!["diff"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task ComponentPushNavigate_RepliesLiveRedirect()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/component-navigation");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", Click("navigate", cid: 1));

        Assert.Equal("""{"status":"ok","response":{"live_redirect":{"to":"/counter","kind":"push"}}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task ComponentRedirect_RepliesRedirect()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/component-navigation");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", Click("redirect", cid: 1));

        Assert.Equal("/counter", reply["response"]!["redirect"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendUpdateFromUpdateAsync_ArrivesInTheSameRender_AtJoinAndAfterAnEvent()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/relay");
        var (joinRef, join) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "inc");

        Assert.Equal("0", join["response"]!["rendered"]!["c"]!["1"]!["0"]!.GetValue<string>());
        var components = reply["response"]!["diff"]!["c"]!;
        Assert.Equal("1", components["1"]!["0"]!.GetValue<string>());
        Assert.Equal("1", components["2"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task ComponentEvent_RendersOnlyThatComponent_TheParentIsNotRenderedAndUpdateAsyncDoesNotRun()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/tally");
        var (joinRef, join) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "event", Click("click", cid: 1));

        Assert.Equal("1", join["response"]!["rendered"]!["0"]!.GetValue<string>());
        var diff = reply["response"]!["diff"]!.AsObject();
        Assert.Equal(["c"], diff.Select(pair => pair.Key));
        Assert.Equal("""{"3":"1"}""", diff["c"]!["1"]!.ToJsonString());
    }

    [Fact]
    public async Task ParentRender_FreshAssignsWithEqualValues_KeepsTheComponent_ChangedValues_RunUpdateAsync()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/tally");
        var (joinRef, _) = await client.JoinAsync();
        await client.PushAsync(joinRef, "event", Click("click", cid: 1));

        var touch = await client.ClickAsync(joinRef, "touch");
        var rename = await client.ClickAsync(joinRef, "rename");

        var touched = touch["response"]!["diff"]!.AsObject();
        Assert.Equal(["0", "1"], touched.Select(pair => pair.Key));
        Assert.Equal("""{"1":"aa","2":"2"}""", rename["response"]!["diff"]!["c"]!["1"]!.ToJsonString());
    }

    [Fact]
    public async Task ComponentIsConnected_FalseInTheDeadRender_TrueOnceJoined()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/parity/component-navigation");
        var (_, join) = await client.JoinAsync();

        Assert.Contains("<p id=\"connected\">dead</p>", client.Page.Html);
        Assert.Equal("live", join["response"]!["rendered"]!["c"]!["2"]!["0"]!.GetValue<string>());
    }
}
