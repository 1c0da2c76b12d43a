using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Rekindle.BenchApp;

namespace Rekindle.EchoFloor;

/// <summary>
/// One connection of the floor: waits for each message with a zero-byte read (no buffer held while idle,
/// as Rekindle's socket reader does), reads it into a pooled buffer, and sends one reply of a fixed size.
/// The reply is a Phoenix <c>phx_reply</c> carrying the request's join ref, ref and topic, so the load
/// generator can time it; a join gets a minimal <c>rendered</c>. Nothing else is parsed or kept.
/// </summary>
internal sealed class EchoSocket(WebSocket socket, int replyBytes)
{
    /// <summary>Payload bytes of Rekindle's reply to a counter click (bench report 2026-12-07).</summary>
    public const int DefaultReplyBytes = 83;

    private static ReadOnlySpan<byte> JoinReply => ",\"phx_reply\",{\"status\":\"ok\",\"response\":{\"rendered\":{\"0\":\"0\",\"s\":[\"\",\"\"]}}}]"u8;
    private static ReadOnlySpan<byte> EventReplyStart => ",\"phx_reply\",{\"status\":\"ok\",\"response\":{\"diff\":{\"0\":\""u8;
    private static ReadOnlySpan<byte> EventReplyEnd => "\"}}}]"u8;

    private int _joined;

    public async Task RunAsync(CancellationToken aborted)
    {
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var first = await socket.ReceiveAsync(Memory<byte>.Empty, aborted);
                if (first.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", aborted);
                    return;
                }
                await ReplyToNextMessageAsync(aborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            // The client went away; the bench counts what it saw on its side.
        }
        finally
        {
            for (; _joined > 0; _joined--)
            {
                var counted = true;
                BenchStats.ViewEnded(ref counted);
            }
        }
    }

    private async Task ReplyToNextMessageAsync(CancellationToken aborted)
    {
        var input = ArrayPool<byte>.Shared.Rent(4096);
        var output = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == input.Length)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "", aborted);
                    return;
                }
                result = await socket.ReceiveAsync(input.AsMemory(length), aborted);
                length += result.Count;
            }
            while (!result.EndOfMessage);
            var replyLength = WriteReply(input.AsSpan(0, length), output);
            if (replyLength > 0)
            {
                await socket.SendAsync(output.AsMemory(0, replyLength), WebSocketMessageType.Text, endOfMessage: true, aborted);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>Writes <c>[join_ref, ref, topic, "phx_reply", …]</c> for the request in <paramref name="request"/>; 0 if it is not a Phoenix frame.</summary>
    private int WriteReply(ReadOnlySpan<byte> request, byte[] output)
    {
        var reader = new Utf8JsonReader(request);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return 0;
        }
        var written = 0;
        output[written++] = (byte)'[';
        for (var element = 0; element < 3; element++)
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
            {
                return 0;
            }
            if (element > 0)
            {
                output[written++] = (byte)',';
            }
            var start = (int)reader.TokenStartIndex;
            var raw = request[start..(int)reader.BytesConsumed];
            raw.CopyTo(output.AsSpan(written));
            written += raw.Length;
        }
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return 0;
        }
        if (reader.ValueTextEquals("phx_join"u8))
        {
            _joined++;
            BenchStats.ViewMounted();
            JoinReply.CopyTo(output.AsSpan(written));
            return written + JoinReply.Length;
        }
        EventReplyStart.CopyTo(output.AsSpan(written));
        written += EventReplyStart.Length;
        var padding = Math.Max(1, replyBytes - written - EventReplyEnd.Length);
        output.AsSpan(written, padding).Fill((byte)'1');
        written += padding;
        EventReplyEnd.CopyTo(output.AsSpan(written));
        return written + EventReplyEnd.Length;
    }
}
