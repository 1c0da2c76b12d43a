using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Automatic recovery of view and component state with the default server-side (SQLite) snapshots.</summary>
public sealed class ServerRecoveryTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Rejoin_RestoresViewStateAndComponentState_JoinReplyIsTheRestoredRender()
    {
        await using var first = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/wizard");
        var (joinRef, _) = await first.JoinAsync();
        await first.ClickAsync(joinRef, "next");
        var opened = await first.ClickAsync(joinRef, "open_dialog");
        var cid = opened["response"]!["diff"]!["c"]!.AsObject().Single().Key;
        await first.PushAsync(joinRef, "event", new JsonObject { ["type"] = "click", ["event"] = "pick", ["value"] = new JsonObject { ["color"] = "blue" }, ["cid"] = int.Parse(cid) });
        await first.DisposeAsync();

        await using var second = await PhoenixClient.ReconnectAsync(first);
        var (_, reply) = await second.JoinAsync(new JsonObject { ["_mounts"] = 1 });

        var rendered = reply["response"]!["rendered"]!;
        Assert.Equal("2", rendered["0"]!.GetValue<string>());
        Assert.Contains("shipping-form", rendered["1"]!["s"]!.ToJsonString());
        var component = rendered["c"]!.AsObject().Single().Value!;
        Assert.Contains(component.AsObject(), pair => pair.Value is JsonValue value && value.GetValue<string>() == "blue");
    }
}
