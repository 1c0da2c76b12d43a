using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Connect params (docs/protocol.md §1.1, §3.2), on the seed page, which shows seed_param and _mounts as its connected mount saw them.</summary>
public sealed class ConnectParamsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    /// <summary>
    /// The stock client serialises its params object into the socket URL too (§11.14), and anybody
    /// can write a URL: only the join payload's params count, for every view joined on that socket.
    /// </summary>
    [Fact]
    public async Task Join_ParamsAlsoInTheSocketUrl_ViewSeesOnlyThePayloadParams()
    {
        var page = await PhoenixClient.GetPageAsync(fixture.Host.BaseAddress, "/seed");
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, page,
            extraQuery: "&seed_param=forged&_mounts=5&_mount_attempts=3&params%5Bseed_param%5D=forged");

        var (_, reply) = await client.JoinAsync(new JsonObject { ["seed_param"] = "from-the-payload", ["_mounts"] = 1 });
        var (_, second) = await client.JoinAsync(page: await client.GetPageAsync("/seed"));

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal("connected: seed_param=from-the-payload mounts=1", ConnectInfo(reply));
        Assert.Equal("ok", second["status"]!.GetValue<string>());
        Assert.Equal("connected: seed_param= mounts=0", ConnectInfo(second));
    }

    private static string ConnectInfo(JsonNode joinReply) => joinReply["response"]!["rendered"]!["1"]!.GetValue<string>();
}
