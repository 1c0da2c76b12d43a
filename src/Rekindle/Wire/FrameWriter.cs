using System.Buffers;
using System.Text.Json;

namespace Rekindle.Wire;

/// <summary>
/// Writes outbound frames <c>[join_ref, ref, topic, event, payload]</c>. One instance per producer (a
/// socket's read loop, a view's mailbox loop): not thread-safe. The buffer and JSON writer are taken
/// from a per-thread cache at <see cref="Begin"/> and given back at <see cref="End"/>, so the
/// thousands of idle views and sockets hold none between frames.
/// </summary>
internal sealed class FrameWriter
{
    /// <summary>A buffer grown past this by one large frame is not cached after it.</summary>
    private const int RetainedCapacity = 64 * 1024;

    [ThreadStatic]
    private static Lease? t_cached;

    private Lease? _lease;

    private Utf8JsonWriter Json => _lease?.Json ?? throw new InvalidOperationException("FrameWriter used outside Begin/End.");

    /// <summary>Starts a frame; the caller writes the payload value, then calls <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin(string? joinRef, string? messageRef, string topic, string eventName)
    {
        // A frame begun and never ended (its writer threw) left its lease here: it starts over.
        var lease = _lease ?? t_cached ?? new Lease();
        t_cached = null;
        _lease = lease;
        lease.Buffer.ResetWrittenCount();
        lease.Json.Reset(lease.Buffer);
        var json = lease.Json;
        json.WriteStartArray();
        WriteRef(json, joinRef);
        WriteRef(json, messageRef);
        json.WriteStringValue(topic);
        json.WriteStringValue(eventName);
        return json;
    }

    public byte[] End()
    {
        var lease = _lease ?? throw new InvalidOperationException("FrameWriter.End without Begin.");
        lease.Json.WriteEndArray();
        lease.Json.Flush();
        var frame = lease.Buffer.WrittenSpan.ToArray();
        _lease = null;
        if (lease.Buffer.Capacity <= RetainedCapacity)
        {
            t_cached = lease;
        }
        return frame;
    }

    /// <summary>Starts a <c>phx_reply</c> and opens its <c>response</c> object for the caller to fill.</summary>
    public Utf8JsonWriter BeginReply(string? joinRef, string? messageRef, string topic, bool ok)
    {
        var json = Begin(joinRef, messageRef, topic, ProtocolNames.Reply);
        json.WriteStartObject();
        json.WriteString(ProtocolNames.Status, ok ? ProtocolNames.Ok : ProtocolNames.ErrorStatus);
        json.WriteStartObject(ProtocolNames.Response);
        return json;
    }

    public byte[] EndReply()
    {
        Json.WriteEndObject();
        Json.WriteEndObject();
        return End();
    }

    public byte[] OkReply(string? joinRef, string? messageRef, string topic)
    {
        BeginReply(joinRef, messageRef, topic, ok: true);
        return EndReply();
    }

    public byte[] ErrorReply(string? joinRef, string? messageRef, string topic, string reason)
    {
        BeginReply(joinRef, messageRef, topic, ok: false).WriteString(ProtocolNames.Reason, reason);
        return EndReply();
    }

    /// <summary>The server's end of a channel: Phoenix sends <c>phx_close</c> with the join ref as both refs (docs/protocol.md §1.5).</summary>
    public byte[] Close(string? joinRef, string topic)
    {
        var json = Begin(joinRef, joinRef, topic, ProtocolNames.Close);
        json.WriteStartObject();
        json.WriteEndObject();
        return End();
    }

    /// <summary>A push without a ref (<c>phx_error</c>) with a small object payload.</summary>
    public byte[] Push(string? joinRef, string topic, string eventName, string? reason = null)
    {
        var json = Begin(joinRef, null, topic, eventName);
        json.WriteStartObject();
        if (reason is not null)
        {
            json.WriteString(ProtocolNames.Reason, reason);
        }
        json.WriteEndObject();
        return End();
    }

    private static void WriteRef(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private sealed class Lease
    {
        public Lease() => Json = new Utf8JsonWriter(Buffer, Rendering.WireJson.WriterOptions);

        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Json { get; }
    }
}
