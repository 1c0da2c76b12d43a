using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// External uploads over the wire (docs/protocol.md §5.7) against <c>/test/external-upload</c>: the
/// preflight carries each entry's metadata instead of a channel token, progress comes from the
/// client uploader alone, and hostile progress cannot finish an entry that was never presigned.
/// </summary>
public sealed partial class ExternalUploadWireTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task AllowUpload_ExternalUpload_RepliesWithTheMetadataAndNoChannelToken()
    {
        var (client, joinRef, uploadRef) = await StartAsync();
        await using var _ = client;

        var reply = await PreflightAsync(client, joinRef, uploadRef, "photo.bin");

        var entry = reply["response"]!["entries"]!["0"]!.AsObject();
        Assert.Equal("TestStore", entry["uploader"]!.GetValue<string>());
        var key = entry["key"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f-]{36}$", key);
        Assert.Equal($"/test/object-store/{key}", entry["url"]!.GetValue<string>());
        Assert.Equal("{}", reply["response"]!["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task Progress_HundredFromTheUploader_MarksTheEntryDone_SaveConsumesItWithItsKey()
    {
        var (client, joinRef, uploadRef) = await StartAsync();
        await using var _ = client;
        var key = (await PreflightAsync(client, joinRef, uploadRef, "photo.bin"))["response"]!["entries"]!["0"]!["key"]!.GetValue<string>();

        await ProgressAsync(client, joinRef, uploadRef, 40);
        var done = await ProgressAsync(client, joinRef, uploadRef, 100);
        var saved = await client.PushAsync(joinRef, "event", new JsonObject { ["type"] = "form", ["event"] = "save", ["value"] = "", ["meta"] = new JsonObject() });

        Assert.Contains("\"yes\"", done["response"]!["diff"]!.ToJsonString(), StringComparison.Ordinal);
        var savedDiff = saved["response"]!["diff"]!.ToJsonString();
        Assert.Contains("\"photo.bin\"", savedDiff, StringComparison.Ordinal);
        Assert.Contains($"\"{key}\"", savedDiff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_HundredForAnEntryNeverPresigned_IsIgnored()
    {
        var (client, joinRef, uploadRef) = await StartAsync();
        await using var _ = client;
        await SelectAsync(client, joinRef, uploadRef, "photo.bin");

        var progress = await ProgressAsync(client, joinRef, uploadRef, 100);

        Assert.Equal("ok", progress["status"]!.GetValue<string>());
        Assert.DoesNotContain("\"yes\"", progress.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"100\"", progress.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_ErrorFromTheUploader_EntryKeepsExternalClientFailure_LaterProgressIgnored()
    {
        var (client, joinRef, uploadRef) = await StartAsync();
        await using var _ = client;
        await PreflightAsync(client, joinRef, uploadRef, "photo.bin");

        var failed = await client.PushAsync(joinRef, "progress", new JsonObject { ["event"] = null, ["ref"] = uploadRef, ["entry_ref"] = "0", ["progress"] = new JsonObject { ["error"] = "store answered 500" } });
        var late = await ProgressAsync(client, joinRef, uploadRef, 100);

        Assert.Contains("external_client_failure", failed["response"]!["diff"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"yes\"", late.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadJoin_ForAnExternalEntry_RefusedAsInvalidToken()
    {
        var (client, joinRef, uploadRef) = await StartAsync();
        await using var _ = client;
        var meta = (await PreflightAsync(client, joinRef, uploadRef, "photo.bin"))["response"]!["entries"]!["0"]!;

        var uploadJoin = client.NextRef();
        await client.SendAsync(new JsonArray(uploadJoin, uploadJoin, "lvu:0", "phx_join", new JsonObject { ["token"] = meta["key"]!.GetValue<string>() }));

        Assert.Equal("""{"status":"error","response":{"reason":"invalid_token"}}""", (await client.ReplyAsync(uploadJoin)).ToJsonString());
    }

    private async Task<(PhoenixClient Client, string JoinRef, string UploadRef)> StartAsync()
    {
        var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/test/external-upload");
        var (joinRef, reply) = await client.JoinAsync();
        var uploadRef = UploadRefPattern().Matches(reply["response"]!["rendered"]!.ToJsonString()).Select(match => match.Groups[1].Value).First(value => value != client.Page.ViewId);
        return (client, joinRef, uploadRef);
    }

    private static JsonObject Entry(string name) => new() { ["ref"] = "0", ["name"] = name, ["size"] = 1000, ["type"] = "application/octet-stream" };

    private static Task<JsonNode> SelectAsync(PhoenixClient client, string joinRef, string uploadRef, string name) =>
        client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "validate",
            ["value"] = "",
            ["meta"] = new JsonObject { ["_target"] = "doc" },
            ["uploads"] = new JsonObject { [uploadRef] = new JsonArray(Entry(name)) },
        });

    private static async Task<JsonNode> PreflightAsync(PhoenixClient client, string joinRef, string uploadRef, string name)
    {
        await SelectAsync(client, joinRef, uploadRef, name);
        return await client.PushAsync(joinRef, "allow_upload", new JsonObject { ["ref"] = uploadRef, ["entries"] = new JsonArray(Entry(name)) });
    }

    private static Task<JsonNode> ProgressAsync(PhoenixClient client, string joinRef, string uploadRef, int progress) =>
        client.PushAsync(joinRef, "progress", new JsonObject { ["event"] = null, ["ref"] = uploadRef, ["entry_ref"] = "0", ["progress"] = progress });

    [GeneratedRegex("\"(phx-[A-Za-z0-9_-]{8,})\"")]
    private static partial Regex UploadRefPattern();
}
