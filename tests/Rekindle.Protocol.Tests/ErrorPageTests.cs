using System.Net;
using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>A host in the Development environment.</summary>
public sealed class DevelopmentHostFixture() : HostFixture(["--environment", "Development"]);

/// <summary>A host in the Production environment, whatever ASPNETCORE_ENVIRONMENT says.</summary>
public sealed class ProductionHostFixture() : HostFixture(["--environment", "Production"]);

/// <summary>
/// What a developer sees when a view throws, in Development: an error page naming the view for a
/// dead render that threw (issue 17, item 11), and the exception pushed before <c>phx_error</c> for
/// a connected view that crashed (issue 22).
/// </summary>
public sealed class DevelopmentErrorPageTests(DevelopmentHostFixture fixture) : IClassFixture<DevelopmentHostFixture>
{
    [Fact]
    public async Task DeadRender_MountThrows_500PageShowsTheExceptionAndViewTypeEscaped()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var response = await http.GetAsync("/test/mount-crash?order=7");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<code id=\"rekindle-error-view\">Rekindle.TestApp.MountCrashLive</code>", html);
        Assert.Contains("System.InvalidOperationException: mount failed &lt;b&gt;for order 7&lt;/b&gt;", html);
        Assert.Contains("/test/mount-crash?order=7", html);
        Assert.DoesNotContain(MountCrashLive.Message, html);
        Assert.Contains(fixture.Host.Logs.Lines, line => line.EventId.Id == 6202 && line.Exception?.Message == MountCrashLive.Message);
    }

    [Fact]
    public async Task ViewCrash_HandlerThrows_DiffWithTheExceptionBeforePhxError()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/crash");
        var (joinRef, _) = await client.JoinAsync();

        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "event", new JsonObject { ["type"] = "click", ["event"] = "boom", ["value"] = new JsonObject() }));
        var details = await client.ReceiveFrameAsync();
        var error = await client.ReceiveFrameAsync();

        Assert.Equal("diff", details![3]!.GetValue<string>());
        Assert.Equal(joinRef, details[0]!.GetValue<string>());
        var crashed = details[4]!["e"]!.AsArray().Single()!.AsArray();
        Assert.Equal("rekindle:view-crashed", crashed[0]!.GetValue<string>());
        Assert.Equal("Rekindle.TestApp.CrashLive", crashed[1]!["view"]!.GetValue<string>());
        Assert.StartsWith("System.InvalidOperationException: boom from CrashLive", crashed[1]!["exception"]!.GetValue<string>());
        Assert.Contains("CrashLive.HandleEventAsync", crashed[1]!["exception"]!.GetValue<string>());
        Assert.Equal($$"""["{{joinRef}}",null,"{{client.Topic}}","phx_error",{"reason":"view crashed"}]""", error!.ToJsonString());
    }
}

/// <summary>The same faults outside Development: nothing about the exception reaches the browser.</summary>
public sealed class ProductionErrorPageTests(ProductionHostFixture fixture) : IClassFixture<ProductionHostFixture>
{
    [Fact]
    public async Task DeadRender_MountThrows_Plain500PageWithoutDetails()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var response = await http.GetAsync("/test/mount-crash");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Something went wrong</h1>", html);
        Assert.DoesNotContain("MountCrashLive", html);
        Assert.DoesNotContain("mount failed", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.Contains(fixture.Host.Logs.Lines, line => line.EventId.Id == 6202 && line.Exception?.Message == MountCrashLive.Message);
    }

    [Fact]
    public async Task ViewCrash_HandlerThrows_OnlyPhxError()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/crash");
        var (joinRef, _) = await client.JoinAsync();

        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "event", new JsonObject { ["type"] = "click", ["event"] = "boom", ["value"] = new JsonObject() }));
        var error = await client.ReceiveFrameAsync();

        // The details would come before the phx_error; the heartbeat's reply proves nothing followed it either.
        await client.SendTextAsync("""[null,"99","phoenix","heartbeat",{}]""");
        var heartbeat = await client.ReceiveFrameAsync();

        Assert.Equal($$"""["{{joinRef}}",null,"{{client.Topic}}","phx_error",{"reason":"view crashed"}]""", error!.ToJsonString());
        Assert.Equal("""[null,"99","phoenix","phx_reply",{"status":"ok","response":{}}]""", heartbeat!.ToJsonString());
    }
}
