using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.Runtime;
using Rekindle.Uploads;

namespace Rekindle.Transport;

/// <summary>
/// The <c>lvu:</c> channels of one socket (liveview-protocol.md §5.7, upstream
/// <c>upload_channel.ex</c>): a join with an entry token opens that entry's temp file, each binary
/// <c>chunk</c> is appended and acknowledged, and the stream is cut off with
/// <c>file_size_limit_exceeded</c> the moment it would pass the size the client declared (itself
/// within the upload's <c>MaxFileSize</c>). Runs on the socket's read loop, except that a view
/// consuming or cancelling an entry (on its own loop) closes the entry's channel with
/// <c>phx_close</c>, as upstream's channel process stopping does, so the client does not report
/// the channel's end as a failed upload.
/// </summary>
internal sealed partial class UploadChannels(UploadService service, Func<string, ViewProcess?> findView, Action<byte[]> send, ILogger logger)
{
    public const string TopicPrefix = "lvu:";
    private const string ChunkEvent = "chunk";
    private static readonly JsonEncodedText LimitKey = JsonEncodedText.Encode("limit");

    private readonly FrameWriter _frames = new();
    private readonly Dictionary<string, (string JoinRef, UploadTransfer Transfer)> _channels = new(StringComparer.Ordinal);
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
        if (findView(viewTopic)?.Transfers.Find(transferId) is not { } transfer)
        {
            // The view ended, or the token belongs to a view on another socket.
            Refuse(frame, "disallowed");
            return;
        }
        if (Remove(frame.Topic) is { IsComplete: false } previous)
        {
            previous.Delete();
        }
        var joinRef = frame.Ref!; // joins without a ref are refused before routing here
        var topic = frame.Topic;
        if (transfer.Open(() => ClosedByView(topic, joinRef, transfer)) is { } reason)
        {
            Refuse(frame, reason);
            return;
        }
        lock (_channelsLock)
        {
            _channels[topic] = (joinRef, transfer);
        }
        send(_frames.OkReply(joinRef, joinRef, topic));
    }

    /// <summary>A text push on an <c>lvu:</c> topic: only <c>phx_leave</c> is defined.</summary>
    public void Handle(InboundFrame frame)
    {
        if (frame.Event == ProtocolNames.Leave)
        {
            if (Remove(frame.Topic) is { IsComplete: false } transfer)
            {
                transfer.Delete();
            }
            send(_frames.OkReply(frame.JoinRef, frame.Ref, frame.Topic));
            return;
        }
        send(_frames.ErrorReply(frame.JoinRef, frame.Ref, frame.Topic, "unmatched topic"));
    }

    public void Chunk(BinaryPush push)
    {
        (string JoinRef, UploadTransfer Transfer) channel;
        bool found;
        lock (_channelsLock)
        {
            found = _channels.TryGetValue(push.Topic, out channel);
        }
        if (push.Event != ChunkEvent || !found)
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
        switch (channel.Transfer.Write(push.Payload.Span))
        {
            case ChunkResult.Ok:
                send(_frames.OkReply(push.JoinRef, push.Ref, push.Topic));
                return;
            case ChunkResult.TooLarge:
                Log.SizeExceeded(logger, push.Topic, channel.Transfer.ExpectedSize);
                var json = _frames.BeginReply(push.JoinRef, push.Ref, push.Topic, ok: false);
                json.WriteString(ProtocolNames.Reason, "file_size_limit_exceeded");
                json.WriteNumber(LimitKey, channel.Transfer.ExpectedSize);
                send(_frames.EndReply());
                break;
            case ChunkResult.WriterError:
                Log.WriteFailed(logger, push.Topic);
                send(_frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, "writer_error"));
                break;
            default:
                // Cancelled or consumed by the view while the chunk was on its way.
                send(_frames.ErrorReply(push.JoinRef, push.Ref, push.Topic, "disallowed"));
                break;
        }
        Remove(push.Topic);
    }

    /// <summary>The socket ended: unfinished transfers lose their files now, not when their views get to it.</summary>
    public void CloseAll()
    {
        (string JoinRef, UploadTransfer Transfer)[] channels;
        lock (_channelsLock)
        {
            channels = [.. _channels.Values];
            _channels.Clear();
        }
        foreach (var (_, transfer) in channels)
        {
            if (!transfer.IsComplete)
            {
                transfer.Delete();
            }
        }
    }

    private UploadTransfer? Remove(string topic)
    {
        lock (_channelsLock)
        {
            return _channels.Remove(topic, out var channel) ? channel.Transfer : null;
        }
    }

    /// <summary>Runs on the view's loop; a channel the client already left or lost is not closed twice.</summary>
    private void ClosedByView(string topic, string joinRef, UploadTransfer transfer)
    {
        lock (_channelsLock)
        {
            if (!_channels.TryGetValue(topic, out var channel) || channel.Transfer != transfer)
            {
                return;
            }
            _channels.Remove(topic);
        }
        send(new FrameWriter().Push(joinRef, topic, ProtocolNames.Close));
    }

    private void Refuse(InboundFrame frame, string reason)
    {
        Log.JoinRefused(logger, frame.Topic, reason);
        send(_frames.ErrorReply(frame.Ref, frame.Ref, frame.Topic, reason));
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
    }
}
