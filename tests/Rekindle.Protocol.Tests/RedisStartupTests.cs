using System.Net;
using System.Net.Sockets;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 18, item 7: a node started while Redis is down. Its readiness check says not ready and names
/// Redis; a page requested meanwhile waits instead of failing, and is served once redis-server starts;
/// the view then joins and works, and the readiness check turns ready.
/// </summary>
public sealed class RedisStartupTests
{
    [Fact]
    public async Task NodeStartsWithoutRedis_NotReadyAndPagesWait_ServesOnceRedisAnswers()
    {
        var port = FreePort();
        await using var node = await TestHost.StartAsync("--Redis:Connection", $"127.0.0.1:{port}", "--Rekindle:Redis:RetryInterval", "00:00:00.200");
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var notReady = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("rekindle-startup: Unhealthy (waiting for Redis", await notReady.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        var page = http.GetAsync("/counter");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(page.IsCompleted, "the page was answered while Redis was still down");

        await using var redis = await RedisServer.StartAsync(port);
        var served = await page;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var ready = await http.GetAsync("/health/ready");
        var report = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, report);
        Assert.Contains("rekindle-redis: Healthy", report);

        await using var counter = await PhoenixClient.ConnectAsync(node.BaseAddress, "/counter");
        var (joinRef, _) = await counter.JoinAsync();
        var click = await counter.ClickAsync(joinRef, "inc");
        Assert.Equal("1", click["response"]!["diff"]!["0"]!.GetValue<string>());

        // The PubSub subscription refused at startup was made when Redis answered: a broadcast on a
        // node started later reaches a view here.
        await using var ticker = await PhoenixClient.ConnectAsync(node.BaseAddress, "/test/ticker");
        await ticker.JoinAsync();
        await using var other = await TestHost.StartAsync("--Redis:Connection", redis.ConnectionString);
        using var otherHttp = new HttpClient { BaseAddress = other.BaseAddress };
        Assert.True((await otherHttp.PostAsync("/test/broadcast?message=from-the-other-node", null)).IsSuccessStatusCode);
        var pushed = await ticker.ReceiveFrameAsync();
        Assert.Equal("from-the-other-node", pushed?[4]?["0"]?.GetValue<string>());
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
