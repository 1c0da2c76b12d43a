using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Uploads;
using Rekindle.Wire;

namespace Rekindle.Tests.Uploads;

/// <summary>
/// The <c>lvu:</c> channels of entries with a custom <see cref="IUploadWriter"/>: every chunk goes to the
/// writer, the writer is closed exactly once (done, error or cancel, whoever ends the entry), a failing or
/// throwing writer fails its entry alone with <c>writer_error</c>, and a chunk above the upload's chunk
/// size is refused for that entry only.
/// </summary>
public sealed class UploadWriterTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));
    private readonly UploadTempFolder _tempFolder;
    private readonly UploadService _service;
    private readonly UploadTransfers _transfers = new(NullLogger.Instance);
    private readonly Channel<string> _sent = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _failures = Channel.CreateUnbounded<string>();
    private readonly UploadChannels _channels;

    public UploadWriterTests()
    {
        _tempFolder = new UploadTempFolder(Path.Combine(_root, "temp"), NullLogger<UploadTempFolder>.Instance);
        _service = new UploadService(new EphemeralDataProtectionProvider(), _tempFolder);
        _channels = new UploadChannels(_service, topic => topic == "lv:view" ? _transfers : null, frame => _sent.Writer.TryWrite(Encoding.UTF8.GetString(frame)), new FakeTimeProvider(), NullLogger.Instance);
        _transfers.WriterFailed = (upload, entry, reason) => _failures.Writer.TryWrite($"{upload} {entry} {reason}");
    }

    [Fact]
    public async Task CloseAsync_AfterTheLastChunk_IsCalledOnceWithDone()
    {
        var writer = new RecordingWriter();
        var transfer = await JoinedAsync("0", 10, writer);

        Assert.Equal(Ok("2"), await ChunkAsync("0", "2", "01234"));
        Assert.Equal(Ok("3"), await ChunkAsync("0", "3", "56789"));
        Assert.True(transfer.IsComplete);
        transfer.Delete();
        _transfers.DeleteAll();

        Assert.Equal(["open", "write 01234", "write 56789", "close done"], writer.Calls);
    }

    [Fact]
    public async Task CloseAsync_WriterFails_IsCalledOnceWithTheErrorAndTheViewHearsWhy()
    {
        var writer = new RecordingWriter();
        var transfer = await JoinedAsync("0", 10, writer);

        Assert.Equal(Ok("2"), await ChunkAsync("0", "2", "00000"));
        Assert.Equal(Error("3", "writer_error"), await ChunkAsync("0", "3", "error"));
        transfer.Delete();

        Assert.Equal("phx-ref 0 invalid_pdf", await _failures.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal(["open", "write 00000", "write error", "close error: invalid_pdf"], writer.Calls);
    }

    [Fact]
    public async Task CloseAsync_FailsClosingAsDone_FailsTheEntryOnItsLastChunk()
    {
        var writer = new RecordingWriter { FailDone = "truncated_pdf" };
        var transfer = await JoinedAsync("0", 5, writer);

        Assert.Equal(Error("2", "writer_error"), await ChunkAsync("0", "2", "01234"));
        _transfers.DeleteAll();

        Assert.Equal("phx-ref 0 truncated_pdf", await _failures.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal(["open", "write 01234", "close done"], writer.Calls);
        Assert.False(transfer.IsComplete);
    }

    [Fact]
    public async Task WriteChunkAsync_WriterThrows_FailsItsEntryWithExceptionAndClosesItOnce()
    {
        var writer = new RecordingWriter();
        var transfer = await JoinedAsync("0", 10, writer);

        Assert.Equal(Error("2", "writer_error"), await ChunkAsync("0", "2", "throw"));
        _transfers.DeleteAll();

        Assert.Equal("phx-ref 0 exception", await _failures.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal(["open", "write throw", "close error: exception"], writer.Calls);
        Assert.False(transfer.IsComplete);
    }

    [Fact]
    public async Task CloseAsync_SocketDropsMidUpload_IsCalledOnceWithCancel()
    {
        var writer = new RecordingWriter();
        await JoinedAsync("0", 10, writer);
        Assert.Equal(Ok("2"), await ChunkAsync("0", "2", "00000"));

        _channels.CloseAll();
        _transfers.DeleteAll();

        Assert.Equal(UploadCloseKind.Cancel, (await writer.Closed.Task.WaitAsync(Wait)).Kind);
        Assert.Equal(["open", "write 00000", "close cancel"], writer.Calls);
    }

    [Fact]
    public async Task CloseAsync_ViewEndsDuringAWrite_IsCalledWithCancelOnceTheWriteReturns()
    {
        var writer = new RecordingWriter();
        await JoinedAsync("0", 10, writer);
        _channels.Chunk(new BinaryPush("1", "2", "lvu:0", "chunk", Encoding.ASCII.GetBytes("hold")));
        await writer.Holding.Task.WaitAsync(Wait);

        _transfers.DeleteAll();
        Assert.Equal(0, writer.CloseCount);

        Assert.Equal("""["1","1","lvu:0","phx_close",{}]""", await NextFrameAsync());
        writer.Release();

        Assert.Equal(UploadCloseKind.Cancel, (await writer.Closed.Task.WaitAsync(Wait)).Kind);
        Assert.Equal(Error("2", "disallowed"), await NextFrameAsync());
        Assert.Equal(["open", "write hold", "close cancel"], writer.Calls);
    }

    [Fact]
    public async Task OpenAsync_Fails_RefusesTheJoinWithWriterErrorWithoutClosingTheWriterTwice()
    {
        var writer = new RecordingWriter { FailOpen = "no_space" };
        var transfer = _transfers.Create(_service.TempFolder, "phx-ref", "0", 10, TimeSpan.FromSeconds(10), 5, writer);

        _channels.Join(new InboundFrame("1", "1", "lvu:0", "phx_join", Token(transfer)));

        Assert.Equal("""["1","1","lvu:0","phx_reply",{"status":"error","response":{"reason":"writer_error"}}]""", await NextFrameAsync());
        Assert.Equal("phx-ref 0 no_space", await _failures.Reader.ReadAsync().AsTask().WaitAsync(Wait));
        _transfers.DeleteAll();
        Assert.Equal(["open", "close error: no_space"], writer.Calls);
    }

    [Fact]
    public async Task Chunk_LargerThanTheChunkSize_IsRefusedForThatEntryOnly()
    {
        var tooLarge = new RecordingWriter();
        var other = new RecordingWriter();
        var refused = await JoinedAsync("0", 10, tooLarge);
        var going = await JoinedAsync("1", 10, other);

        _channels.Chunk(new BinaryPush("1", "2", "lvu:0", "chunk", Encoding.ASCII.GetBytes("000000")));
        Assert.Equal(Error("2", "chunk_size_exceeded", "lvu:0"), await NextFrameAsync());
        Assert.Equal(Ok("3", "lvu:1"), await ChunkAsync("1", "3", "01234"));
        Assert.Equal(Ok("4", "lvu:1"), await ChunkAsync("1", "4", "56789"));

        Assert.Equal(UploadCloseKind.Cancel, (await tooLarge.Closed.Task.WaitAsync(Wait)).Kind);
        Assert.Equal(["open", "close cancel"], tooLarge.Calls);
        Assert.False(refused.IsComplete);
        Assert.True(going.IsComplete);
        Assert.Equal(["open", "write 01234", "write 56789", "close done"], other.Calls);
    }

    public void Dispose()
    {
        _transfers.DeleteAll();
        _tempFolder.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string Ok(string reference, string topic = "lvu:0") => $$$"""["1","{{{reference}}}","{{{topic}}}","phx_reply",{"status":"ok","response":{}}]""";

    private static string Error(string reference, string reason, string topic = "lvu:0") => $$$"""["1","{{{reference}}}","{{{topic}}}","phx_reply",{"status":"error","response":{"reason":"{{{reason}}}"}}]""";

    private JsonElement Token(UploadTransfer transfer) =>
        JsonDocument.Parse($$"""{"token":"{{_service.Protect("lv:view", transfer.Id)}}"}""").RootElement;

    private async Task<UploadTransfer> JoinedAsync(string entryRef, long size, IUploadWriter writer)
    {
        var transfer = _transfers.Create(_service.TempFolder, "phx-ref", entryRef, size, TimeSpan.FromSeconds(10), 5, writer);
        _channels.Join(new InboundFrame("1", "1", "lvu:" + entryRef, "phx_join", Token(transfer)));
        Assert.Equal($$$"""["1","1","lvu:{{{entryRef}}}","phx_reply",{"status":"ok","response":{}}]""", await NextFrameAsync());
        return transfer;
    }

    private Task<string> ChunkAsync(string entryRef, string reference, string bytes)
    {
        _channels.Chunk(new BinaryPush("1", reference, "lvu:" + entryRef, "chunk", Encoding.ASCII.GetBytes(bytes)));
        return NextFrameAsync();
    }

    private Task<string> NextFrameAsync() => _sent.Reader.ReadAsync().AsTask().WaitAsync(Wait);
}
