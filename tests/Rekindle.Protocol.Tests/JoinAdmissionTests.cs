using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Joins over their budgets are held, then admitted or answered with a 1012 close: never an error
/// reply, which the stock client answers by reloading the page (docs/protocol.md §3.5).
/// </summary>
public sealed class JoinAdmissionTests
{
    [Fact]
    public async Task FirstMountsPastTheAddressBudget_AreHeldThenClosedWith1012_NeverAnsweredWithAnError()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Transport:MaxJoinsPerMinutePerAddress", "3", "--Rekindle:Transport:MaxJoinWait", "00:00:01");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("ok", (await client.JoinAsync()).Reply["status"]!.GetValue<string>());
        }

        var timer = Stopwatch.StartNew();
        await client.SendJoinAsync();
        var status = await client.WaitForCloseAsync();

        Assert.Equal((WebSocketCloseStatus)1012, status);
        Assert.InRange(timer.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(client.Received, frame => frame[3]!.GetValue<string>() == "phx_reply");
    }

    [Fact]
    public async Task RejoinsPastTheFirstMountBudget_AreAdmittedAtOnce()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Transport:MaxJoinsPerMinutePerAddress", "2");
        await using var first = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await using var second = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await first.JoinAsync();
        await second.JoinAsync();
        await using var stranger = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await stranger.SendJoinAsync();

        await using var back = await PhoenixClient.ReconnectAsync(first);
        var timer = Stopwatch.StartNew();
        var (_, reply) = await back.JoinAsync(new JsonObject { ["_mounts"] = 1 });

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(1), $"the rejoin waited {timer.Elapsed}");
        await AssertNothingSentAsync(stranger, TimeSpan.Zero);
    }

    [Fact]
    public async Task HeldJoin_IsAdmittedOnceTheBudgetRefills()
    {
        // 30 a minute: one more every 2 s, within the 5 s a join may be held.
        await using var host = await TestHost.StartAsync("--Rekindle:Transport:MaxJoinsPerMinutePerAddress", "30");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var others = new List<PhoenixClient>();
        try
        {
            for (var i = 0; i < 30; i++)
            {
                var other = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
                others.Add(other);
                await other.JoinAsync();
            }

            var timer = Stopwatch.StartNew();
            var (_, reply) = await client.JoinAsync();

            Assert.Equal("ok", reply["status"]!.GetValue<string>());
            Assert.InRange(timer.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5));
            Assert.Contains(host.Logs.Lines, line => line.EventId.Id == 1009 && line.Message.Contains("MaxJoinsPerMinutePerAddress"));
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SessionBudget_HoldsOneBrowserSession_OthersOnTheSameAddressJoin()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Transport:MaxJoinsPerMinutePerSession", "2", "--Rekindle:Transport:MaxJoinWait", "00:00:01");
        await using var busy = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await busy.JoinAsync();
        await busy.JoinAsync(new JsonObject { ["_mounts"] = 1 });
        await using var neighbour = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");

        await busy.SendJoinAsync(new JsonObject { ["_mounts"] = 1 });
        var (_, reply) = await neighbour.JoinAsync();

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal((WebSocketCloseStatus)1012, await busy.WaitForCloseAsync());
    }

    [Fact]
    public async Task LeaveOfAHeldJoin_IsAnsweredOk_AndNothingMounts()
    {
        await using var host = await TestHost.StartAsync("--Rekindle:Transport:MaxJoinsPerMinutePerAddress", "1", "--Rekindle:Transport:MaxJoinWait", "00:00:02");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await client.JoinAsync();
        var other = await client.GetPageAsync("/counter");
        var joinRef = await client.SendJoinAsync(page: other);

        var leaveRef = client.NextRef();
        await client.SendAsync(new JsonArray(joinRef, leaveRef, "lv:" + other.ViewId, "phx_leave", new JsonObject()));

        Assert.Equal("ok", (await client.ReplyAsync(leaveRef))["status"]!.GetValue<string>());
        await AssertNothingSentAsync(client, TimeSpan.FromSeconds(3));
    }

    /// <summary>After <paramref name="quiet"/>, a heartbeat's reply is the next frame: nothing else came, the socket is open.</summary>
    private static async Task AssertNothingSentAsync(PhoenixClient client, TimeSpan quiet)
    {
        await Task.Delay(quiet);
        var heartbeat = client.NextRef();
        await client.SendAsync(new JsonArray(null, heartbeat, "phoenix", "heartbeat", new JsonObject()));
        var frame = await client.ReceiveFrameAsync();
        Assert.NotNull(frame);
        Assert.Equal(heartbeat, frame[1]!.GetValue<string>());
    }
}
