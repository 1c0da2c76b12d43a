using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Uploads over the wire as the client speaks them (docs/protocol.md §5.7, §1.6): the change
/// event's selection, the <c>allow_upload</c> preflight, the <c>lvu:</c> channel with binary chunks,
/// <c>progress</c>, consume, and every way an upload can end early without leaving a temp file.
/// </summary>
public sealed partial class UploadTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private string[] TempFiles() => Directory.GetFiles(Path.Combine(fixture.Host.DataPath, "temp"), "upload-*", SearchOption.AllDirectories);

    [Fact]
    public async Task Upload_ThreeChunksThenSubmit_ProgressReachesHundredAndConsumeMovesTheBytes()
    {
        var bytes = RandomBytes(150_000);
        await using var session = await UploadSession.StartAsync(fixture);
        await session.SelectAsync(Entry("0", "data.bin", bytes.Length));

        var preflight = (await session.PreflightAsync(Entry("0", "data.bin", bytes.Length)))["response"]!;
        Assert.Equal(session.UploadRef, preflight["ref"]!.GetValue<string>());
        Assert.Equal("""{"max_file_size":1000000,"max_entries":2,"chunk_size":64000,"chunk_timeout":10000}""", preflight["config"]!.ToJsonString());
        Assert.Equal("{}", preflight["errors"]!.ToJsonString());
        var token = preflight["entries"]!["0"]!.GetValue<string>();
        Assert.NotNull(preflight["diff"]);

        var join = await session.JoinUploadAsync("0", token);
        Assert.Equal("ok", join["status"]!.GetValue<string>());
        foreach (var chunk in bytes.Chunk(64_000))
        {
            var reply = await session.SendChunkAsync("0", chunk);
            Assert.Equal("ok", reply["status"]!.GetValue<string>());
        }
        Assert.Single(TempFiles());
        var progress = await session.ProgressAsync("0", 100);
        Assert.Contains("\"100\"", progress["response"]!["diff"]!.ToJsonString());

        var saved = await session.Client.PushAsync(session.JoinRef, "event", new JsonObject { ["type"] = "form", ["event"] = "save", ["value"] = "", ["meta"] = new JsonObject() });

        var path = Regex.Match(saved.ToJsonString(), "\"(/[^\"]+/uploaded/[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Empty(TempFiles());
    }

    [Theory]
    [InlineData("big.bin", "application/octet-stream", 1_000_001, "too_large")]
    [InlineData("a.png", "image/png", 10, "not_accepted")]
    public async Task AllowUpload_EntryBreakingALimit_RepliesOkWithTheEntryError(string name, string type, long size, string error)
    {
        await using var session = await UploadSession.StartAsync(fixture);

        var reply = await session.PreflightAsync(Entry("0", name, size, type));

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Equal($"[[\"0\",\"{error}\"]]", reply["response"]!["error"]!.ToJsonString());
        Assert.Null(reply["response"]!["entries"]);
        Assert.Contains(error, reply["response"]!["diff"]!.ToJsonString());
    }

    [Fact]
    public async Task Change_ThreeFilesForTwoAllowed_RendersTooManyFilesAndPreflightRefuses()
    {
        await using var session = await UploadSession.StartAsync(fixture);

        var change = await session.SelectAsync(Entry("0", "a.txt", 10), Entry("1", "b.txt", 10), Entry("2", "c.txt", 10));
        var preflight = await session.PreflightAsync(Entry("0", "a.txt", 10), Entry("1", "b.txt", 10), Entry("2", "c.txt", 10));

        Assert.Contains("too_many_files", change["response"]!["diff"]!.ToJsonString());
        Assert.Equal($"[[\"{session.UploadRef}\",\"too_many_files\"]]", preflight["response"]!["error"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"rekindle_restarted":true}""", true)]
    [InlineData("""{"rekindle_restarted":"yes","deep":[[[[{"a":1}]]]]}""", false)]
    [InlineData("""[1,2,3]""", false)]
    public async Task Change_EntryMetaRestarted_OnlyALiteralTrueRendersTheEntryRestarted(string meta, bool restarted)
    {
        await using var session = await UploadSession.StartAsync(fixture, "/test/upload-draft");
        var entry = Entry("0", "a.txt", 10);
        entry["meta"] = JsonNode.Parse(meta);

        var change = await session.SelectAsync(entry);

        Assert.Equal("ok", change["status"]!.GetValue<string>());
        var diff = change["response"]!["diff"]!.ToJsonString();
        Assert.Contains("a.txt", diff);
        Assert.Equal(restarted, diff.Contains("restarted after the connection dropped"));
    }

    [Fact]
    public async Task UploadJoin_ForgedToken_RefusedAsInvalidToken_SocketKeepsWorking()
    {
        await using var session = await UploadSession.StartAsync(fixture);

        var reply = await session.JoinUploadAsync("0", "forged-token");

        Assert.Equal("""{"status":"error","response":{"reason":"invalid_token"}}""", reply.ToJsonString());
        Assert.Equal("ok", (await session.SelectAsync(Entry("0", "a.txt", 10)))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task UploadJoin_TokenOfAViewOnAnotherSocket_RefusedAsDisallowed()
    {
        await using var owner = await UploadSession.StartAsync(fixture);
        var token = (await owner.PreflightAsync(Entry("0", "a.txt", 10)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await using var thief = await UploadSession.StartAsync(fixture);

        var reply = await thief.JoinUploadAsync("0", token);

        Assert.Equal("""{"status":"error","response":{"reason":"disallowed"}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task UploadJoin_SameTokenTwice_SecondRefusedAsAlreadyRegistered()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        var token = (await session.PreflightAsync(Entry("0", "a.txt", 10)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);

        var again = await session.JoinUploadAsync("0-copy", token);

        Assert.Equal("""{"status":"error","response":{"reason":"already_registered"}}""", again.ToJsonString());
    }

    [Fact]
    public async Task Chunks_PastTheDeclaredSize_CutOffWithTheLimit_TempFileGone_ViewKeepsWorking()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 1000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);

        var first = await session.SendChunkAsync("0", RandomBytes(600));
        var second = await session.SendChunkAsync("0", RandomBytes(600));
        var third = await session.SendChunkAsync("0", RandomBytes(10));

        Assert.Equal("ok", first["status"]!.GetValue<string>());
        Assert.Equal("""{"status":"error","response":{"reason":"file_size_limit_exceeded","limit":1000}}""", second.ToJsonString());
        Assert.Equal("""{"status":"error","response":{"reason":"unmatched topic"}}""", third.ToJsonString());
        Assert.Empty(TempFiles());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.EventId.Id == 1802);
        Assert.Equal("ok", (await session.SelectAsync(Entry("1", "b.txt", 10)))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chunk_AfterEveryDeclaredByte_CutOff_TheFinishedFileIsStillConsumed()
    {
        var bytes = RandomBytes(1000);
        await using var session = await UploadSession.StartAsync(fixture);
        await session.SelectAsync(Entry("0", "a.bin", 1000));
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 1000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);
        await session.SendChunkAsync("0", bytes);

        var extra = await session.SendChunkAsync("0", RandomBytes(1));
        await session.ProgressAsync("0", 100);
        var saved = await session.Client.PushAsync(session.JoinRef, "event", new JsonObject { ["type"] = "form", ["event"] = "save", ["value"] = "", ["meta"] = new JsonObject() });

        Assert.Equal("""{"status":"error","response":{"reason":"file_size_limit_exceeded","limit":1000}}""", extra.ToJsonString());
        var path = Regex.Match(saved.ToJsonString(), "\"(/[^\"]+/uploaded/[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Progress_HundredBeforeAllBytes_IsIgnored()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 1000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);
        await session.SendChunkAsync("0", RandomBytes(500));

        var progress = await session.ProgressAsync("0", 100);

        Assert.DoesNotContain("\"100\"", progress.ToJsonString());
        Assert.Contains(fixture.Host.Logs.Lines, line => line.EventId.Id == 2801);
    }

    [Fact]
    public async Task Progress_OutOfRange_RepliesError()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        await session.PreflightAsync(Entry("0", "a.bin", 1000));

        var progress = await session.ProgressAsync("0", 101);

        Assert.Equal("error", progress["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task CancelUpload_MidTransfer_DeletesTheTempFileAndClosesTheUploadChannel()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        await session.SelectAsync(Entry("0", "a.bin", 200_000));
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 200_000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);
        await session.SendChunkAsync("0", RandomBytes(64_000));
        Assert.Single(TempFiles());

        var cancel = await session.Client.ClickAsync(session.JoinRef, "cancel", new JsonObject { ["ref"] = "0" });
        var late = await session.SendChunkAsync("0", RandomBytes(64_000));

        Assert.Equal("ok", cancel["status"]!.GetValue<string>());
        Assert.Empty(TempFiles());
        Assert.Contains(session.Client.Received, frame => frame.ToJsonString() == $$"""["{{session.UploadJoinRef("0")}}","{{session.UploadJoinRef("0")}}","lvu:0","phx_close",{}]""");
        Assert.Equal("""{"status":"error","response":{"reason":"unmatched topic"}}""", late.ToJsonString());
    }

    [Fact]
    public async Task DroppedSocket_MidTransfer_LeavesNoTempFile()
    {
        var session = await UploadSession.StartAsync(fixture);
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 200_000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);
        await session.SendChunkAsync("0", RandomBytes(64_000));
        Assert.Single(TempFiles());

        await session.DisposeAsync();

        await WaitUntilAsync(() => TempFiles().Length == 0);
    }

    [Fact]
    public async Task LeaveUploadChannel_MidTransfer_DeletesTheTempFile()
    {
        await using var session = await UploadSession.StartAsync(fixture);
        var token = (await session.PreflightAsync(Entry("0", "a.bin", 200_000)))["response"]!["entries"]!["0"]!.GetValue<string>();
        await session.JoinUploadAsync("0", token);
        await session.SendChunkAsync("0", RandomBytes(64_000));

        var leave = await session.Client.PushAsync(session.UploadJoinRef("0"), "phx_leave", [], "lvu:0");

        Assert.Equal("ok", leave["status"]!.GetValue<string>());
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task BinaryFrame_WithTruncatedHeader_ClosesThatSocketWith1007()
    {
        await using var session = await UploadSession.StartAsync(fixture);

        await session.Client.SendBinaryAsync([0, 5, 5, 5]);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await session.Client.WaitForCloseAsync());
    }

    private static JsonObject Entry(string reference, string name, long size, string type = "application/octet-stream") => new()
    {
        ["ref"] = reference,
        ["name"] = name,
        ["size"] = size,
        ["type"] = type,
        ["last_modified"] = 1_732_440_000_000,
        ["relative_path"] = "",
    };

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Polls for something another task does after the socket closed (the view ending); fails after 10 s.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }

    /// <summary>A client joined to /test/upload, with the upload ref read from the join render.</summary>
    private sealed partial class UploadSession : IAsyncDisposable
    {
        private readonly Dictionary<string, string> _uploadJoins = [];

        private UploadSession(PhoenixClient client, string joinRef, string uploadRef)
        {
            Client = client;
            JoinRef = joinRef;
            UploadRef = uploadRef;
        }

        public PhoenixClient Client { get; }

        public string JoinRef { get; }

        public string UploadRef { get; }

        public static async Task<UploadSession> StartAsync(HostFixture fixture, string path = "/test/upload")
        {
            var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, path);
            var (joinRef, reply) = await client.JoinAsync();
            var rendered = reply["response"]!["rendered"]!;
            var uploadRef = UploadRefPattern().Matches(rendered.ToJsonString()).Select(match => match.Groups[1].Value).First(value => value != client.Page.ViewId);
            return new UploadSession(client, joinRef, uploadRef);
        }

        public Task<JsonNode> SelectAsync(params JsonObject[] entries) =>
            Client.PushAsync(JoinRef, "event", new JsonObject
            {
                ["type"] = "form",
                ["event"] = "validate",
                ["value"] = "",
                ["meta"] = new JsonObject { ["_target"] = "doc" },
                ["uploads"] = new JsonObject { [UploadRef] = new JsonArray([.. entries]) },
            });

        public Task<JsonNode> PreflightAsync(params JsonObject[] entries) =>
            Client.PushAsync(JoinRef, "allow_upload", new JsonObject { ["ref"] = UploadRef, ["entries"] = new JsonArray([.. entries]) });

        public Task<JsonNode> ProgressAsync(string entryRef, int progress) =>
            Client.PushAsync(JoinRef, "progress", new JsonObject { ["event"] = null, ["ref"] = UploadRef, ["entry_ref"] = entryRef, ["progress"] = progress });

        public async Task<JsonNode> JoinUploadAsync(string entryRef, string token)
        {
            var joinRef = Client.NextRef();
            await Client.SendAsync(new JsonArray(joinRef, joinRef, "lvu:" + entryRef, "phx_join", new JsonObject { ["token"] = token }));
            _uploadJoins[entryRef] = joinRef;
            return await Client.ReplyAsync(joinRef);
        }

        public string UploadJoinRef(string entryRef) => _uploadJoins[entryRef];

        /// <summary>A binary push as <c>PX serializer.js</c> encodes it (§1.6).</summary>
        public async Task<JsonNode> SendChunkAsync(string entryRef, byte[] data)
        {
            var messageRef = Client.NextRef();
            var header = new[] { _uploadJoins[entryRef], messageRef, "lvu:" + entryRef, "chunk" }.Select(Encoding.UTF8.GetBytes).ToArray();
            byte[] frame = [0, .. header.Select(field => (byte)field.Length), .. header.SelectMany(field => field), .. data];
            await Client.SendBinaryAsync(frame);
            return await Client.ReplyAsync(messageRef);
        }

        public ValueTask DisposeAsync() => Client.DisposeAsync();

        [GeneratedRegex("\"(phx-[A-Za-z0-9_-]{8,})\"")]
        private static partial Regex UploadRefPattern();
    }
}
