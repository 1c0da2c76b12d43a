using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>Session and snapshot tokens that are truncated, expired, or from another key ring are refused cleanly.</summary>
public sealed class TokenTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static string Reason(JsonNode reply) => reply["response"]!["reason"]!.GetValue<string>();

    [Fact]
    public async Task Join_TruncatedSessionToken_RepliesStale()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");

        var (_, reply) = await client.JoinAsync(session: client.Page.Session[..(client.Page.Session.Length / 2)]);

        Assert.Equal("stale", Reason(reply));
    }

    [Fact]
    public async Task Join_TokensFromAnotherAppsKeyRing_RepliesStale()
    {
        await using var other = await TestHost.StartAsync();
        var foreignPage = await PhoenixClient.GetPageAsync(other.BaseAddress, "/counter");

        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, foreignPage);
        var (_, reply) = await client.JoinAsync();

        Assert.Equal("stale", Reason(reply));
    }

    [Fact]
    public async Task Join_ExpiredSessionToken_RepliesStale()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:SessionTokenLifetime", "00:00:01");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var (_, reply) = await client.JoinAsync();

        Assert.Equal("stale", Reason(reply));
    }

    [Fact]
    public async Task Rejoin_ExpiredBrowserSnapshot_MountsFresh()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Recovery:Store", "Browser", "--Rekindle:Recovery:MaxAge", "00:00:01");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();
        var click = await client.ClickAsync(joinRef, "inc");
        var token = click["response"]!["diff"]!["e"]![0]![1]!["token"]!.GetValue<string>();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        await using var again = await PhoenixClient.ReconnectAsync(client);
        var (_, reply) = await again.JoinAsync(new JsonObject { ["_mounts"] = 1, ["_rekindle_snapshot"] = token });

        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejoin_BrowserSnapshotReplayedFromAnotherBrowserSession_IsNotApplied()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Recovery:Store", "Browser");
        await using var victim = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var (joinRef, _) = await victim.JoinAsync();
        var token = (await victim.ClickAsync(joinRef, "inc"))["response"]!["diff"]!["e"]![0]![1]!["token"]!.GetValue<string>();

        await using var attacker = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var (_, reply) = await attacker.JoinAsync(new JsonObject { ["_mounts"] = 1, ["_rekindle_snapshot"] = token });

        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }
}
