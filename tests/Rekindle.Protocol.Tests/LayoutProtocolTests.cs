using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Route containers and sticky views on the wire (docs/protocol.md §2.5, §8.3), on the sticky route
/// group of the test app (/test/sticky/*).
/// </summary>
public sealed partial class LayoutProtocolTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Join_ByUrl_HasNoContainer_ByLiveNavigation_NamesTheRoutesTagAndAttributes()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/sticky/first");
        var (_, first) = await client.JoinAsync();

        var joinRef = client.NextRef();
        await client.SendAsync(new JsonArray(joinRef, joinRef, client.Topic, "phx_join", new JsonObject
        {
            ["redirect"] = new Uri(fixture.Host.BaseAddress, "/test/sticky/second").ToString(),
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.CsrfToken, ["_mounts"] = 0 },
            ["session"] = client.Page.Session,
            ["static"] = client.Page.Static,
            ["sticky"] = false,
        }));
        var second = await client.ReplyAsync(joinRef);

        Assert.Equal("ok", first["status"]!.GetValue<string>());
        Assert.Null(first["response"]!["container"]);
        Assert.Equal("""["section",{"class":"second-page"}]""", second["response"]!["container"]!.ToJsonString());
    }

    [Fact]
    public async Task StickyJoin_WithoutUrl_MountsTheStickyView_OnAnotherTopic_IsStale()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/sticky/first");
        await client.JoinAsync();
        var sticky = StickyContainer().Match(client.Page.Html);
        Assert.True(sticky.Success, "the dead render has the sticky container");

        var joined = await JoinStickyAsync(client, "lv:player", sticky.Groups["session"].Value, sticky.Groups["static"].Value);
        var misplaced = await JoinStickyAsync(client, "lv:intruder", sticky.Groups["session"].Value, staticToken: null);

        Assert.Equal("ok", joined["status"]!.GetValue<string>());
        var rendered = joined["response"]!["rendered"]!.ToJsonString();
        Assert.Contains("-count", rendered);
        Assert.Contains("\"player\"", rendered);
        Assert.Equal("""{"status":"error","response":{"reason":"stale"}}""", misplaced.ToJsonString());
    }

    private static async Task<JsonNode> JoinStickyAsync(PhoenixClient client, string topic, string session, string? staticToken)
    {
        var joinRef = client.NextRef();
        await client.SendAsync(new JsonArray(joinRef, joinRef, topic, "phx_join", new JsonObject
        {
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.CsrfToken, ["_mounts"] = 0, ["_mount_attempts"] = 0 },
            ["session"] = session,
            ["static"] = staticToken,
            ["sticky"] = true,
        }));
        return await client.ReplyAsync(joinRef);
    }

    [GeneratedRegex("<div id=\"player\" data-phx-session=\"(?<session>[^\"]+)\" data-phx-static=\"(?<static>[^\"]+)\" data-phx-sticky>")]
    private static partial Regex StickyContainer();
}
