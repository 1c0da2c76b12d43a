using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 18 (chaos soak): a rejoin that mounts fresh although the store holds the view's snapshot
/// (here: after too many failed joins) used to count generations from 0 again, so the store's
/// generation check silently refused every later snapshot of it, and the next rejoin brought back the
/// old state instead of the clicks acknowledged since.
/// </summary>
public sealed class FreshMountGenerationTests
{
    [Fact]
    public async Task Issue18_RejoinMountsFreshOverAStoredSnapshot_LaterClicksAreTheOnesRestored()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Recovery:SkipAfterFailedJoins", "3");
        await using var first = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var (joinRef, _) = await first.JoinAsync();
        for (var i = 0; i < 3; i++)
        {
            await first.ClickAsync(joinRef, "inc");
        }
        await first.DisposeAsync();

        await using (var fresh = await PhoenixClient.ReconnectAsync(first))
        {
            var (freshRef, skipped) = await fresh.JoinAsync(new JsonObject { ["_mounts"] = 1, ["_mount_attempts"] = 3 });
            Assert.Equal("0", skipped["response"]!["rendered"]!["0"]!.GetValue<string>());
            var reply = await fresh.ClickAsync(freshRef, "inc");
            Assert.Equal("1", reply["response"]!["diff"]!["0"]!.GetValue<string>());
        }

        await using var rejoined = await PhoenixClient.ReconnectAsync(first);
        var (_, restored) = await rejoined.JoinAsync(new JsonObject { ["_mounts"] = 2 });
        Assert.Equal("1", restored["response"]!["rendered"]!["0"]!.GetValue<string>());
    }
}
