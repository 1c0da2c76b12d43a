using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Two nested views with one id in one render are a developer mistake, refused with an error naming
/// the id (docs/protocol.md §2.5), against DuplicateChildIdsLive at /test/parity/duplicate-children.
/// </summary>
public sealed class DuplicateChildIdTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    private const string Expected = "DuplicateChildIdsLive renders more than one nested view with id \"leaf-a\"";

    [Fact]
    public async Task DeadRender_TwoNestedViewsWithOneId_FailsWithAnErrorNamingTheId()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };

        using var response = await http.GetAsync("/test/parity/duplicate-children?duplicate=1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Exception?.Message.StartsWith(Expected, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ConnectedRender_TwoNestedViewsWithOneId_CrashesTheViewWithAnErrorNamingTheId()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/duplicate-children");
        var (joinRef, reply) = await client.JoinAsync();
        Assert.Equal("ok", reply["status"]!.GetValue<string>());

        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "event",
            new JsonObject { ["type"] = "click", ["event"] = "duplicate", ["value"] = new JsonObject() }));
        var error = await client.ReceiveFrameAsync();

        Assert.Equal($$"""["{{joinRef}}",null,"{{client.Topic}}","phx_error",{"reason":"view crashed"}]""", error!.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Level == LogLevel.Error && line.Exception?.Message.StartsWith(Expected, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Render_DistinctNestedViewIds_RendersBothContainers()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };

        var html = await http.GetStringAsync("/test/parity/duplicate-children");

        Assert.Contains("id=\"leaf-a\"", html);
        Assert.Contains("id=\"leaf-b\"", html);
    }
}
