using System.Buffers;
using System.Text.Json;

namespace Rekindle.Transport;

/// <summary>
/// Writes outbound frames <c>[join_ref, ref, topic, event, payload]</c> into a reused buffer and
/// writer. One instance per producer (a socket's read loop, a view's mailbox loop): not thread-safe.
/// </summary>
internal sealed class FrameWriter
{
    /// <summary>A buffer grown past this by one large frame is dropped after it, so an idle view does not keep it.</summary>
    private const int RetainedCapacity = 64 * 1024;

    private ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public FrameWriter() => _json = new Utf8JsonWriter(_buffer, Rendering.WireJson.WriterOptions);

    /// <summary>Starts a frame; the caller writes the payload value, then calls <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin(string? joinRef, string? messageRef, string topic, string eventName)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartArray();
        WriteRef(joinRef);
        WriteRef(messageRef);
        _json.WriteStringValue(topic);
        _json.WriteStringValue(eventName);
        return _json;
    }

    public byte[] End()
    {
        _json.WriteEndArray();
        _json.Flush();
        var frame = _buffer.WrittenSpan.ToArray();
        if (_buffer.Capacity > RetainedCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(1024); // Begin points the writer at it
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
        _json.WriteEndObject();
        _json.WriteEndObject();
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

    /// <summary>A push without a ref (<c>phx_error</c>, <c>phx_close</c>) with a small object payload.</summary>
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

    private void WriteRef(string? value)
    {
        if (value is null)
        {
            _json.WriteNullValue();
        }
        else
        {
            _json.WriteStringValue(value);
        }
    }
}
