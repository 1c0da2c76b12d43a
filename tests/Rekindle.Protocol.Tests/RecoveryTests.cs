using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>[Recoverable] state comes back on rejoin, with snapshots kept by the browser or by the server (SQLite).</summary>
public sealed class RecoveryTests(BrowserSnapshotsHostFixture fixture) : IClassFixture<BrowserSnapshotsHostFixture>
{
    private static async Task<string> ClickThriceAndTakeSnapshotAsync(PhoenixClient client, string joinRef)
    {
        JsonNode? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.ClickAsync(joinRef, "inc");
        }
        var events = last!["response"]!["diff"]!["e"]!.AsArray();
        var snapshot = events.Single(e => e![0]!.GetValue<string>() == "rekindle:snapshot")![1]!;
        Assert.Equal(client.Page.ViewId, snapshot["view"]!.GetValue<string>());
        return snapshot["token"]!.GetValue<string>();
    }

    private static readonly string[] BrowserStore = ["--Rekindle:Recovery:Store", "Browser"];

    private static JsonObject Rejoin(string token) => new() { ["_mounts"] = 1, ["_rekindle_snapshot"] = token };

    [Fact]
    public async Task Rejoin_WithTheBrowserSnapshot_RepliesTheRestoredRender()
    {
        await using var first = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");
        var (joinRef, _) = await first.JoinAsync();
        var token = await ClickThriceAndTakeSnapshotAsync(first, joinRef);
        await first.DisposeAsync();

        await using var second = await PhoenixClient.ReconnectAsync(first);
        var (_, reply) = await second.JoinAsync(Rejoin(token));

        Assert.Equal("3", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejoin_AfterServerRestartOnSameDataFolder_RestoresState()
    {
        var dataPath = TestHost.NewDataPath();
        string token;
        PhoenixClient.PageTokens page;
        await using (var host = await TestHost.StartWithDataAsync(dataPath, BrowserStore))
        {
            await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
            var (joinRef, _) = await client.JoinAsync();
            token = await ClickThriceAndTakeSnapshotAsync(client, joinRef);
            page = client.Page;
        }

        await using var restarted = await TestHost.StartWithDataAsync(dataPath, BrowserStore);
        await using var again = await PhoenixClient.ConnectAsync(restarted.BaseAddress, page);
        var (_, reply) = await again.JoinAsync(Rejoin(token));

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("3", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejoin_AfterServerRestart_WithDefaultSqliteStore_RestoresWithoutBrowserToken()
    {
        var dataPath = TestHost.NewDataPath();
        PhoenixClient.PageTokens page;
        await using (var host = await TestHost.StartWithDataAsync(dataPath))
        {
            await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
            var (joinRef, _) = await client.JoinAsync();
            JsonNode? reply = null;
            for (var i = 0; i < 3; i++)
            {
                reply = await client.ClickAsync(joinRef, "inc");
            }
            Assert.Null(reply!["response"]!["diff"]!["e"]);
            Assert.True(File.Exists(Path.Combine(dataPath, "snapshots.db")));
            page = client.Page;
        }

        await using var restarted = await TestHost.StartWithDataAsync(dataPath);
        await using var again = await PhoenixClient.ConnectAsync(restarted.BaseAddress, page);
        var (_, rejoin) = await again.JoinAsync(new JsonObject { ["_mounts"] = 1 });

        Assert.Equal("3", rejoin["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejoin_WithForgedSnapshot_StartsFreshAndLogs()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");

        var (_, reply) = await client.JoinAsync(Rejoin("CfDJ8forged-snapshot"));

        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("forged"));
    }

    [Fact]
    public async Task Rejoin_WithSnapshotOfAnotherView_IsNotApplied()
    {
        await using var first = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");
        var (joinRef, _) = await first.JoinAsync();
        var token = await ClickThriceAndTakeSnapshotAsync(first, joinRef);

        await using var other = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");
        var (_, reply) = await other.JoinAsync(Rejoin(token));

        Assert.Equal("0", reply["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_NotChangingRecoverableState_SendsNoSnapshot()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();

        var inc = await client.ClickAsync(joinRef, "inc");
        var dec = await client.ClickAsync(joinRef, "dec");
        var incAgain = await client.ClickAsync(joinRef, "inc");

        Assert.NotNull(inc["response"]!["diff"]!["e"]);
        Assert.NotNull(dec["response"]!["diff"]!["e"]);
        Assert.NotNull(incAgain["response"]!["diff"]!["e"]);
        var unknown = await client.ClickAsync(joinRef, "nope");
        Assert.Equal("error", unknown["status"]!.GetValue<string>());
    }
}
