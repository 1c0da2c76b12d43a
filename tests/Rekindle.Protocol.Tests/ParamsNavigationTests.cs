using System.Net;
using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Navigation decided in <c>HandleParamsAsync</c> during a client <c>live_patch</c> answers the patch,
/// and a patch loop ends as in Phoenix (issue 17, items 2 and 7; docs/protocol.md §8.2, §8.4).
/// </summary>
public sealed class ParamsNavigationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri BaseAddress => fixture.Host.BaseAddress;

    private JsonObject PatchTo(string pathAndQuery) => new() { ["url"] = new Uri(BaseAddress, pathAndQuery).ToString() };

    [Fact]
    public async Task ClientLivePatch_HandleParamsNavigates_RepliesLiveRedirect()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/params");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "live_patch", PatchTo("/test/parity/params?then=navigate"));

        Assert.Equal("""{"status":"ok","response":{"live_redirect":{"to":"/counter","kind":"push"}}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task ClientLivePatch_HandleParamsRedirects_RepliesRedirect()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/params");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "live_patch", PatchTo("/test/parity/params?then=redirect"));

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("/counter", reply["response"]!["redirect"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientLivePatch_HandleParamsPatchesOnward_PushesTheSettledPatchThenRepliesItsDiff()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/params");
        var (joinRef, _) = await client.JoinAsync();

        var reply = await client.PushAsync(joinRef, "live_patch", PatchTo("/test/parity/params?then=hop&n=3"));

        var patch = Assert.Single(client.Received);
        Assert.Equal("live_patch", patch[3]!.GetValue<string>());
        Assert.Equal("/test/parity/params?then=hop&n=0", patch[4]!["to"]!.GetValue<string>());
        Assert.Equal("push", patch[4]!["kind"]!.GetValue<string>());
        Assert.Equal("0", reply["response"]!["diff"]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientLivePatch_HandleParamsPatchesToItsOwnUrl_CrashesTheViewAfterTheLimit()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/params");
        var (joinRef, _) = await client.JoinAsync();

        await client.SendAsync(new JsonArray(joinRef, client.NextRef(), client.Topic, "live_patch", PatchTo("/test/parity/params?then=loop")));
        var error = await client.ReceiveFrameAsync();

        Assert.Equal($$"""["{{joinRef}}",null,"{{client.Topic}}","phx_error",{"reason":"view crashed"}]""", error!.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.Exception?.Message.StartsWith("too many redirects for ParamsNavigationLive", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DeadRender_HandleParamsPatchesToItsOwnUrl_RedirectsToItself_AsPhoenix()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

        using var response = await http.GetAsync("/test/parity/params?then=loop");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/test/parity/params?then=loop", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Join_HandleParamsPatchesToItsOwnUrl_IsRefusedAfterTheLimit()
    {
        await using var client = await PhoenixClient.ConnectAsync(BaseAddress, "/test/parity/params");

        var (_, reply) = await client.JoinAsync(page: client.Page with { Url = new Uri(BaseAddress, "/test/parity/params?then=loop") });

        Assert.Equal("error", reply["status"]!.GetValue<string>());
    }
}
