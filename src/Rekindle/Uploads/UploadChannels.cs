using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.Wire;

namespace Rekindle.Uploads;

/// <summary>
/// The <c>lvu:</c> channels of one socket (docs/protocol.md §5.7, upstream
/// <c>upload_channel.ex</c>): a join with an entry token opens that entry's temp file, each binary
/// <c>chunk</c> is appended and acknowledged, and the stream is cut off with
/// <c>file_size_limit_exceeded</c> the moment it would pass the size the client declared (itself
/// within the upload's <c>MaxFileSize</c>). Joins, chunks and leaves come from the socket's read
/// loop; two things end a channel from elsewhere, so the channel table takes a lock: the view
/// consuming or cancelling the entry (on its loop), and a client that sends no chunk for the
/// entry's chunk timeout (a timer). Both delete an unfinished file and send <c>phx_close</c>, as
/// upstream's channel process stopping does, so the client does not report a failed upload. An entry
/// with a custom writer is opened and written off the read loop (its chunk copied), one chunk at a
/// time, and answered when the writer returns; a writer's failure is <c>writer_error</c>
/// (docs/protocol.md §5.7). A chunk above the upload's chunk size ends its entry alone.
/// </summary>
internal sealed partial class UploadChannels(UploadService service, Func<string, UploadTransfers?> findTransfers, Action<byte[]> send, TimeProvider time, ILogger logger)
{
    public const string TopicPrefix = "lvu:";
    private const string ChunkEvent = "chunk";
    private const string WriterError = "writer_error";
    private static readonly JsonEncodedText LimitKey = JsonEncodedText.Encode("limit");

    private readonly FrameWriter _frames = new();
    // Created by the first upload channel, under the lock: most sockets never upload.
    private Dictionary<string, UploadChannel>? _channels;
    private readonly Lock _channelsLock = new();

    public static bool IsUploadTopic(string topic) => topic.StartsWith(TopicPrefix, StringComparison.Ordinal);

    public void Join(InboundFrame frame)
    {
        var token = frame.Payload.TryGetProperty("token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (!service.TryRead(token, out var viewTopic, out var transferId))
        {
            Refuse(frame, "invalid_token");
            return;
        }
        if (findTransfers(viewTopic)?.Find(transferId) is not { } transfer)
        {
            // The view ended, or the token belongs to a view on another socket.
            Refuse(frame, "disallowed");
            return;
        }
        Remove(frame.Topic)?.Abandon();
        var channel = new UploadChannel(frame.Ref!, frame.Topic, transfer); // joins without a ref are refused before routing here
        if (transfer.Open(() => Closed(channel)) is { } reason)
        {
            Refuse(frame, reason);
            return;
        }
        lock (_channelsLock)
        {
            (_channels ??= new(StringComparer.Ordinal))[channel.Topic] = channel;
        }
        channel.Timer = time.CreateTimer(_ => TimedOut(channel), null, transfer.ChunkTimeout, Timeout.InfiniteTimeSpan);
        if (transfer.Writer is null)
        {
            send(_frames.OkReply(channel.JoinRef, channel.JoinRef, channel.Topic));
            return;
        }
        _ = OpenWriterAsync(channel);
    }

    /// <summary>
    /// Opens a custom writer off the read loop (it may take its time), then answers the join: a
    /// failure is <c>writer_error</c>, as upstream's <c>init</c> failing, and the view keeps the
    /// entry with the failure.
    /// </summary>
    private async Task OpenWriterAsync(UploadChannel channel)
    {
        if (await channel.Transfer.OpenWriterAsync() is { } error)
        {
            Log.WriterFailed(logger, channel.Topic, error);
            Remove(channel)?.Timer?.Dispose();
            send(new FrameWriter().ErrorReply(channel.JoinRef, channel.JoinRef, channel.Topic, WriterError));
            return;
        }
        send(new FrameWriter().OkReply(channel.JoinRef, channel.JoinRef, channel.Topic));
    }

    /// <summary>A text push on an <c>lvu:</c> topic: only <c>phx_leave</c> is defined.</summary>
    public void Handle(InboundFrame frame)
    {
        if (frame.Event == ProtocolNames.Leave)
        {
            Remove(frame.Topic)?.Abandon();
            send(_frames.OkReply(frame.JoinRef, frame.Ref, frame.Topic));
            return;
        }
        send(_frames.ErrorReply(frame.JoinRef, frame.Ref, frame.Topic, "unmatched topic"));
    }

    public void Chunk(BinaryPush push)
    {
        UploadChannel? channel;
        lock (_channelsLock)
        {
            channel = _channels?.GetValueOrDefault(push.Topic);
        }
        if (push.Event != ChunkEvent || channel is null)
        {
            Log.ChunkRefused(logger, push.Topic);
            send(_frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, "unmatched topic"));
            return;
        }
        if (channel.JoinRef != push.JoinRef)
        {
            Log.ChunkRefused(logger, push.Topic);
            return;
        }
        var transfer = channel.Transfer;
        if (push.Payload.Length > transfer.ChunkSize)
        {
            // The config told the client the chunk size; a larger chunk is not the stock client's.
            Log.ChunkTooLarge(logger, push.Topic, push.Payload.Length, transfer.ChunkSize);
            Remove(push.Topic)?.Timer?.Dispose();
            transfer.Delete();
            send(_frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, "chunk_size_exceeded"));
            return;
        }
        if (transfer.Writer is not null)
        {
            // A copy: the frame's buffer goes back to the pool when this returns, and the writer is async.
            _ = WriteAsync(channel, push, push.Payload.ToArray());
            return;
        }
        Reply(channel, push, transfer.Write(push.Payload.Span));
    }

    private async Task WriteAsync(UploadChannel channel, BinaryPush push, byte[] chunk)
    {
        var (result, error) = await channel.Transfer.WriteToWriterAsync(chunk);
        if (error is not null)
        {
            Log.WriterFailed(logger, push.Topic, error);
        }
        Reply(channel, push, result, new FrameWriter());
    }

    /// <summary>Answers a chunk; a chunk that ends the transfer ends its channel. Off the read loop with a writer of its own.</summary>
    private void Reply(UploadChannel channel, BinaryPush push, ChunkResult result, FrameWriter? frames = null)
    {
        frames ??= _frames;
        var transfer = channel.Transfer;
        switch (result)
        {
            case ChunkResult.Ok:
                channel.Timer?.Change(transfer.IsComplete ? Timeout.InfiniteTimeSpan : transfer.ChunkTimeout, Timeout.InfiniteTimeSpan);
                send(frames.OkReply(push.JoinRef, push.Ref, push.Topic));
                return;
            case ChunkResult.TooLarge:
                Log.SizeExceeded(logger, push.Topic, transfer.ExpectedSize);
                var json = frames.BeginReply(push.JoinRef, push.Ref, push.Topic, ok: false);
                json.WriteString(ProtocolNames.Reason, "file_size_limit_exceeded");
                json.WriteNumber(LimitKey, transfer.ExpectedSize);
                send(frames.EndReply());
                break;
            case ChunkResult.WriterError:
                if (transfer.Writer is null)
                {
                    Log.WriteFailed(logger, push.Topic);
                }
                // The client then waits for the view's diff with the entry's error (docs/protocol.md §5.7).
                send(frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, WriterError));
                break;
            default:
                // Cancelled or consumed by the view while the chunk was on its way.
                send(frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, "disallowed"));
                break;
        }
        Remove(channel)?.Timer?.Dispose();
    }

    /// <summary>The socket ended: unfinished transfers lose their files now, not when their views get to it.</summary>
    public void CloseAll()
    {
        UploadChannel[] channels;
        lock (_channelsLock)
        {
            channels = _channels is null ? [] : [.. _channels.Values];
            _channels?.Clear();
        }
        foreach (var channel in channels)
        {
            channel.Abandon();
        }
    }

    /// <summary>Removes this channel, not one that joined the same topic since (a write answered late).</summary>
    private UploadChannel? Remove(UploadChannel channel)
    {
        lock (_channelsLock)
        {
            return _channels?.TryGetValue(channel.Topic, out var current) == true && current == channel && _channels.Remove(channel.Topic) ? channel : null;
        }
    }

    private UploadChannel? Remove(string topic)
    {
        lock (_channelsLock)
        {
            return _channels?.Remove(topic, out var channel) == true ? channel : null;
        }
    }

    private void TimedOut(UploadChannel channel)
    {
        if (!channel.Transfer.IsComplete)
        {
            Log.ChunkTimedOut(logger, channel.Topic, channel.Transfer.ChunkTimeout);
            channel.Transfer.Delete();
        }
    }

    /// <summary>The transfer was deleted by the view or the timer; a channel the client already left is not closed twice.</summary>
    private void Closed(UploadChannel channel)
    {
        lock (_channelsLock)
        {
            if (_channels is null || !_channels.TryGetValue(channel.Topic, out var current) || current != channel)
            {
                return;
            }
            _channels.Remove(channel.Topic);
        }
        channel.Timer?.Dispose();
        // Not on the read loop, so not with the loop's writer.
        send(new FrameWriter().Close(channel.JoinRef, channel.Topic));
    }

    private void Refuse(InboundFrame frame, string reason)
    {
        Log.JoinRefused(logger, frame.Topic, reason);
        send(_frames.ErrorReply(frame.Ref, frame.Ref, frame.Topic, reason));
    }

    private sealed class UploadChannel(string joinRef, string topic, UploadTransfer transfer)
    {
        public string JoinRef { get; } = joinRef;

        public string Topic { get; } = topic;

        public UploadTransfer Transfer { get; } = transfer;

        public ITimer? Timer { get; set; }

        /// <summary>The client is gone from this channel: an unfinished file goes, a finished one waits for the view.</summary>
        public void Abandon()
        {
            Timer?.Dispose();
            if (!Transfer.IsComplete)
            {
                Transfer.Delete();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1801, LogLevel.Debug, "Upload join on {Topic} refused: {Reason}.", EventName = nameof(JoinRefused))]
        public static partial void JoinRefused(ILogger logger, string topic, string reason);

        [LoggerMessage(1802, LogLevel.Warning, "Upload on {Topic} cut off: the client sent more than the {Limit} bytes it declared.", EventName = nameof(SizeExceeded))]
        public static partial void SizeExceeded(ILogger logger, string topic, long limit);

        [LoggerMessage(1803, LogLevel.Debug, "Binary push on {Topic} refused: not a chunk for a joined upload channel.", EventName = nameof(ChunkRefused))]
        public static partial void ChunkRefused(ILogger logger, string topic);

        [LoggerMessage(1804, LogLevel.Error, "Writing an upload chunk on {Topic} to its temp file failed.", EventName = nameof(WriteFailed))]
        public static partial void WriteFailed(ILogger logger, string topic);

        [LoggerMessage(1809, LogLevel.Debug, "Upload on {Topic} cut off: a chunk of {Size} bytes is larger than the upload's chunk size {ChunkSize}.", EventName = nameof(ChunkTooLarge))]
        public static partial void ChunkTooLarge(ILogger logger, string topic, int size, int chunkSize);

        [LoggerMessage(1810, LogLevel.Debug, "Upload on {Topic} failed in its writer: {Reason}.", EventName = nameof(WriterFailed))]
        public static partial void WriterFailed(ILogger logger, string topic, string reason);

        [LoggerMessage(1805, LogLevel.Debug, "Upload on {Topic} closed: no chunk for {Timeout}; its temp file is deleted.", EventName = nameof(ChunkTimedOut))]
        public static partial void ChunkTimedOut(ILogger logger, string topic, TimeSpan timeout);
    }
}
