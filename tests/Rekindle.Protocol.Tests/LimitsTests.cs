using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rekindle.Runtime;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>Each limit refuses the offender with a clear error while a well-behaved client keeps working.</summary>
public sealed class LimitsTests(LowLimitsHostFixture fixture) : IClassFixture<LowLimitsHostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    [Fact]
    public async Task PushFlood_GetsRateLimitedReplies_OtherSocketUnaffected()
    {
        await using var bystander = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (bystanderJoin, _) = await bystander.JoinAsync();
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (joinRef, _) = await offender.JoinAsync();

        var replies = new List<JsonNode>();
        for (var i = 0; i < 20; i++)
        {
            replies.Add(await offender.ClickAsync(joinRef, "inc"));
        }

        Assert.Contains(replies, reply => reply["response"]?["reason"]?.GetValue<string>() == "rate limited");
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("MaxPushesPerSecond"));
        var bystanderClick = await bystander.ClickAsync(bystanderJoin, "inc");
        Assert.Equal("ok", bystanderClick["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HeartbeatFlood_GetsRateLimitedReplies_OtherSocketUnaffected()
    {
        await using var bystander = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (bystanderJoin, _) = await bystander.JoinAsync();
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");

        var replies = new List<JsonNode>();
        for (var i = 0; i < 20; i++)
        {
            var heartbeat = offender.NextRef();
            await offender.SendAsync(new JsonArray(null, heartbeat, "phoenix", "heartbeat", new JsonObject()));
            replies.Add(await offender.ReplyAsync(heartbeat));
        }

        Assert.Equal("ok", replies[0]["status"]!.GetValue<string>());
        Assert.Contains(replies, reply => reply["response"]?["reason"]?.GetValue<string>() == "rate limited");
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("Push on phoenix refused"));
        var bystanderClick = await bystander.ClickAsync(bystanderJoin, "inc");
        Assert.Equal("ok", bystanderClick["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TooManyComponents_EndsThatViewWithJoinCrashed_LogNamesTheLimit()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/wizard");
        var (joinRef, _) = await client.JoinAsync();
        await using var seed = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (seedJoin, _) = await seed.JoinAsync();

        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/seed");
        var (_, reply) = await offender.JoinAsync();

        Assert.Equal("""{"status":"error","response":{"reason":"join crashed"}}""", reply.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Exception?.Message.Contains("MaxComponentsPerView") == true);
        Assert.Equal("ok", (await seed.ClickAsync(seedJoin, "inc"))["status"]!.GetValue<string>());
        Assert.Equal("ok", (await client.ClickAsync(joinRef, "next"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RenderOverMaxRenderBytes_EndsThatViewWithPhxError_OtherViewsUnaffected()
    {
        await using var bystander = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
        var (bystanderJoin, _) = await bystander.JoinAsync();
        await using var offender = await PhoenixClient.ConnectAsync(BaseAddress, "/test/big");
        var (joinRef, _) = await offender.JoinAsync();
        Assert.Equal("ok", (await offender.ClickAsync(joinRef, "grow", new JsonObject { ["size"] = "50000" }))["status"]!.GetValue<string>());

        await offender.SendAsync(new JsonArray(joinRef, offender.NextRef(), offender.Topic, "event",
            new JsonObject { ["type"] = "click", ["event"] = "grow", ["value"] = new JsonObject { ["size"] = "5000000" } }));
        JsonArray? error;
        do
        {
            error = await offender.ReceiveFrameAsync();
        }
        while (error is not null && error[3]!.GetValue<string>() != "phx_error");

        Assert.NotNull(error);
        Assert.Equal(offender.Topic, error[2]!.GetValue<string>());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Exception is RenderTooLargeException && line.Exception.Message.Contains("BigLive rendered a"));
        Assert.Equal("ok", (await bystander.ClickAsync(bystanderJoin, "inc"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HangingHandler_EndsThatViewAfterTheTimeout_HundredOtherViewsKeepNormalLatency()
    {
        var healthy = new List<(PhoenixClient Client, string JoinRef)>();
        for (var i = 0; i < 100; i++)
        {
            var client = await PhoenixClient.ConnectAsync(BaseAddress, "/counter");
            healthy.Add((client, (await client.JoinAsync()).JoinRef));
        }
        await using var faulty = await PhoenixClient.ConnectAsync(BaseAddress, "/test/crash");
        var (faultyJoin, _) = await faulty.JoinAsync();

        await faulty.SendAsync(new JsonArray(faultyJoin, faulty.NextRef(), faulty.Topic, "event",
            new JsonObject { ["type"] = "click", ["event"] = "hang", ["value"] = new JsonObject() }));
        var latencies = new List<double>();
        foreach (var (client, joinRef) in healthy)
        {
            var watch = Stopwatch.StartNew();
            var reply = await client.ClickAsync(joinRef, "inc");
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal("1", reply["response"]!["diff"]!["0"]!.GetValue<string>());
        }
        var error = await faulty.ReceiveFrameAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("phx_error", error![3]!.GetValue<string>());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Message.Contains("HandlerTimeout"));
        Assert.True(latencies.Order().ElementAt(latencies.Count / 2) < 250, $"median healthy latency {latencies.Order().ElementAt(latencies.Count / 2)} ms");
        foreach (var (client, _) in healthy)
        {
            await client.DisposeAsync();
        }
    }
}
