using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Protocol.Tests;

/// <summary>Upload pushes with a <c>cid</c>: they go to that component's uploads, and a cid of no component is refused without ending the view.</summary>
public sealed partial class ComponentUploadTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Preflight_WithTheComponentsCid_IsGrantedByTheComponent()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/upload-component");
        var (joinRef, reply) = await client.JoinAsync();
        var rendered = reply["response"]!["rendered"]!;
        var uploadRef = UploadRefPattern().Matches(rendered.ToJsonString()).Select(match => match.Groups[1].Value).First(value => value != client.Page.ViewId);
        var cid = int.Parse(Assert.Single(rendered["c"]!.AsObject()).Key);
        var entry = new JsonObject { ["ref"] = "0", ["name"] = "a.bin", ["size"] = 10, ["type"] = "application/octet-stream" };

        var change = await client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "validate",
            ["value"] = "",
            ["meta"] = new JsonObject { ["_target"] = "attachment" },
            ["uploads"] = new JsonObject { [uploadRef] = new JsonArray(entry.DeepClone()) },
            ["cid"] = cid,
        });
        var toView = await client.PushAsync(joinRef, "allow_upload", new JsonObject { ["ref"] = uploadRef, ["entries"] = new JsonArray(entry.DeepClone()) });
        var toComponent = await client.PushAsync(joinRef, "allow_upload", new JsonObject { ["ref"] = uploadRef, ["entries"] = new JsonArray(entry.DeepClone()), ["cid"] = cid });

        Assert.Equal("ok", change["status"]!.GetValue<string>());
        Assert.Equal("error", toView["status"]!.GetValue<string>());
        Assert.Equal("ok", toComponent["status"]!.GetValue<string>());
        Assert.NotNull(toComponent["response"]!["entries"]!["0"]);
    }

    [Fact]
    public async Task Preflight_WithTheCidOfNoComponent_IsRefusedAndTheViewLivesOn()
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/upload-component");
        var (joinRef, _) = await client.JoinAsync();

        var refused = await client.PushAsync(joinRef, "allow_upload", new JsonObject { ["ref"] = "phx-x", ["entries"] = new JsonArray(), ["cid"] = 999 });
        var after = await client.PushAsync(joinRef, "progress", new JsonObject { ["ref"] = "phx-x", ["entry_ref"] = "0", ["progress"] = 1 });

        Assert.Equal("error", refused["status"]!.GetValue<string>());
        Assert.Equal("no component for this cid", refused["response"]!["reason"]!.GetValue<string>());
        Assert.Equal("ok", after["status"]!.GetValue<string>());
    }

    [GeneratedRegex("\"(phx-[A-Za-z0-9_-]{8,})\"")]
    private static partial Regex UploadRefPattern();
}
