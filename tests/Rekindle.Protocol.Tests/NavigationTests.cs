using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Live navigation on the wire (docs/protocol.md §8).</summary>
public sealed class NavigationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Task<PhoenixClient> PagesAsync() => PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/pages/1");

    [Fact]
    public async Task PushPatch_SendsLivePatchBeforeTheReply_AndRunsHandleParams()
    {
        await using var client = await PagesAsync();
        var (joinRef, join) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "next");

        Assert.Equal("1", join["response"]!["rendered"]!["0"]!.GetValue<string>());
        var patch = Assert.Single(client.Received);
        Assert.Equal("live_patch", patch[3]!.GetValue<string>());
        Assert.Equal("""{"to":"/test/pages/2","kind":"push"}""", patch[4]!.ToJsonString());
        var diff = reply["response"]!["diff"]!;
        Assert.Equal("2", diff["0"]!.GetValue<string>());
        Assert.Equal("Page 2", diff["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientLivePatch_SameView_RepliesDiff_OtherView_RepliesLinkRedirect()
    {
        await using var client = await PagesAsync();
        var (joinRef, _) = await client.JoinAsync();

        var same = await client.PushAsync(joinRef, "live_patch", new JsonObject { ["url"] = new Uri(fixture.Host.BaseAddress, "/test/pages/5?x=1").ToString() });
        var other = await client.PushAsync(joinRef, "live_patch", new JsonObject { ["url"] = new Uri(fixture.Host.BaseAddress, "/counter").ToString() });

        Assert.Equal("5", same["response"]!["diff"]!["0"]!.GetValue<string>());
        Assert.Equal("""{"status":"ok","response":{"link_redirect":true}}""", other.ToJsonString());
    }

    [Fact]
    public async Task PushNavigate_RepliesLiveRedirect_ThenTheNewViewJoinsTheSameTopicWithTheOldTokens()
    {
        await using var client = await PagesAsync();
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "go_counter");
        var redirectJoinRef = client.NextRef();
        await client.SendAsync(new JsonArray(redirectJoinRef, redirectJoinRef, client.Topic, "phx_join", new JsonObject
        {
            ["redirect"] = new Uri(fixture.Host.BaseAddress, "/counter").ToString(),
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.CsrfToken, ["_mounts"] = 0 },
            ["session"] = client.Page.Session,
            ["static"] = client.Page.Static,
        }));
        var joined = await client.ReplyAsync(redirectJoinRef);

        Assert.Equal("""{"status":"ok","response":{"live_redirect":{"to":"/counter","kind":"push"}}}""", reply.ToJsonString());
        Assert.Equal("ok", joined["status"]!.GetValue<string>());
        Assert.Contains("id=\"count\"", string.Concat(joined["response"]!["rendered"]!["s"]!.AsArray().Select(part => part!.GetValue<string>())));
    }

    [Fact]
    public async Task Redirect_RepliesRedirect()
    {
        await using var client = await PagesAsync();
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.ClickAsync(joinRef, "leave");

        Assert.Equal("""{"status":"ok","response":{"redirect":{"to":"/seed"}}}""", reply.ToJsonString());
    }
}
