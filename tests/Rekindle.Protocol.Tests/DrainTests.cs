using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

public sealed class DrainTests
{
    [Fact]
    public async Task Shutdown_ClosesSocketsWith1012_SoClientsReconnectInsteadOfReloading()
    {
        var host = await TestHost.StartAsync();
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await client.JoinAsync();

        var stopping = host.DisposeAsync().AsTask();
        var status = await client.WaitForCloseAsync();
        await client.DisposeAsync();
        await stopping;

        Assert.Equal((WebSocketCloseStatus)1012, status);
        Assert.Equal("server restarting", client.CloseDescription);
    }

    /// <summary>
    /// A client that never answers the 1012 close (a stuck or hostile one) cannot hold the shutdown:
    /// the server cuts it off after a short wait, well before the host's stop timeout (5 s here).
    /// </summary>
    [Fact]
    public async Task Shutdown_ClientNeverAnswersTheClose_IsCutOffAndTheHostStopsPromptly()
    {
        var host = await TestHost.StartAsync("--Rekindle:Transport:DrainJitter", "00:00:00");
        var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await client.JoinAsync();

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var stopping = host.DisposeAsync().AsTask();
        var status = await client.WaitForCloseAsync(); // reads the close, never answers it
        await stopping;
        var stopped = timer.Elapsed;
        await client.DisposeAsync();

        Assert.Equal((WebSocketCloseStatus)1012, status);
        Assert.Contains(host.Logs.Lines, line => line.EventId.Id == 1015);
        Assert.True(stopped < TimeSpan.FromSeconds(4.5), $"the host took {stopped} to stop");
    }

    /// <summary>
    /// Once the host is stopping, a join on a socket still open (its drain is due later within the
    /// jitter window, an hour here, so it is not what closes the socket) mounts nothing: the socket is closed with 1012 right away, so the client
    /// rejoins a server that is staying up instead of one that is going away.
    /// </summary>
    [Fact]
    public async Task Shutdown_JoinOnASocketNotDrainedYet_ClosesItWith1012AtOnce()
    {
        var host = await TestHost.StartAsync("--Rekindle:Transport:DrainJitter", "01:00:00");
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        // A heartbeat's reply proves the server runs this socket (and tracks it for the drain).
        var heartbeat = client.NextRef();
        await client.SendAsync(new JsonArray(null, heartbeat, "phoenix", "heartbeat", new JsonObject()));
        await client.ReplyAsync(heartbeat);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();

        lifetime.StopApplication();
        var stopping = host.DisposeAsync().AsTask();
        var timer = System.Diagnostics.Stopwatch.StartNew();
        await client.SendAsync(new JsonArray("1", "1", client.Topic, "phx_join", new JsonObject
        {
            ["url"] = client.Page.Url.ToString(),
            ["params"] = new JsonObject { ["_csrf_token"] = client.Page.CsrfToken, ["_mounts"] = 0 },
            ["session"] = client.Page.Session,
            ["static"] = client.Page.Static,
        }));
        var status = await client.WaitForCloseAsync();
        var closedAfter = timer.Elapsed;
        await client.DisposeAsync();
        await stopping;

        Assert.Equal((WebSocketCloseStatus)1012, status);
        Assert.DoesNotContain(client.Received, frame => frame[3]!.GetValue<string>() == "phx_reply");
        Assert.Contains(host.Logs.Lines, line => line.EventId.Id == 1014 && line.Message.Contains(client.Topic));
        Assert.True(closedAfter < TimeSpan.FromSeconds(10), $"closed after {closedAfter}, expected well within the hour-long jitter window");
    }
}
