using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Rekindle.Wire;

namespace Rekindle.Transport;

/// <summary>
/// The reading half of a <see cref="ChannelSocket"/>: receives whole messages within
/// <see cref="TransportOptions.MaxFrameBytes"/> and <see cref="TransportOptions.IdleTimeout"/>, parses
/// them (<see cref="FrameReader"/>, <see cref="BinaryPush"/>), and turns unreadable or oversized
/// input into the close that ends this socket alone (docs/protocol.md §1.7).
/// </summary>
internal sealed partial class SocketReader(WebSocket socket, TransportOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Reads until the client closes, sends bad input or stays silent for
    /// <see cref="TransportOptions.IdleTimeout"/>, and returns the close to send. Text frames go to
    /// <paramref name="dispatch"/>, binary pushes (upload chunks) to <paramref name="chunk"/>. A lost
    /// connection throws (<see cref="WebSocketException"/>, <see cref="IOException"/>, or
    /// <see cref="OperationCanceledException"/> for <paramref name="aborted"/>).
    /// </summary>
    public async Task<(WebSocketCloseStatus Status, string Reason)> RunAsync(Func<InboundFrame, CancellationToken, ValueTask> dispatch, Action<BinaryPush> chunk, CancellationToken aborted)
    {
        // The timer cancels a source of its own: cancelling a receive aborts the connection, which also
        // cancels `aborted`, so only the timer's own flag tells an idle timeout from a lost client.
        // Receives take the timer's token alone: a lost or aborted connection fails the pending receive
        // by itself, and linking `aborted` in would keep a linked source and its callback registrations
        // alive for the socket's whole life.
        using var timedOut = new CancellationTokenSource();
        // The idle timeout runs on the TimeProvider, re-armed before each read; Cancel after the loop
        // has disposed the source is harmless (a timer callback may race the disposal).
        using var idleTimer = time.CreateTimer(static state => CancelQuietly((CancellationTokenSource)state!), timedOut, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        while (socket.State == WebSocketState.Open)
        {
            idleTimer.Change(options.IdleTimeout, Timeout.InfiniteTimeSpan);
            ValueWebSocketReceiveResult first;
            try
            {
                // A zero-byte read waits for the next message without a buffer: an idle socket holds none.
                first = await socket.ReceiveAsync(Memory<byte>.Empty, timedOut.Token);
            }
            catch (Exception exception) when (timedOut.IsCancellationRequested && exception is OperationCanceledException or WebSocketException or IOException)
            {
                // Kestrel may report a receive cancelled by the idle timer as a lost connection.
                Log.IdleTimeout(logger, options.IdleTimeout);
                return (WebSocketCloseStatus.EndpointUnavailable, "idle timeout");
            }
            if (first.MessageType == WebSocketMessageType.Close)
            {
                return PeerClosed();
            }
            var (frame, close) = await ReceiveAsync(first, chunk, timedOut.Token);
            if (close is { } closing)
            {
                return closing;
            }
            if (frame is { } received)
            {
                await dispatch(received, aborted);
            }
        }
        return (WebSocketCloseStatus.NormalClosure, "");
    }

    /// <summary>
    /// Reads the message whose start the zero-byte read saw into a rented buffer (grown up to
    /// <see cref="TransportOptions.MaxFrameBytes"/>) and handles or parses it; the buffer goes back
    /// to the pool before the frame is dispatched. A close comes back instead for bad input.
    /// </summary>
    private async ValueTask<(InboundFrame? Frame, (WebSocketCloseStatus, string)? Close)> ReceiveAsync(
        ValueWebSocketReceiveResult result, Action<BinaryPush> chunk, CancellationToken timedOut)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (!result.EndOfMessage)
            {
                if (length == buffer.Length)
                {
                    if (length >= options.MaxFrameBytes)
                    {
                        return (null, TooLarge());
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, options.MaxFrameBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, options.MaxFrameBytes + 1) - length), timedOut);
                }
                catch (Exception exception) when (timedOut.IsCancellationRequested && exception is OperationCanceledException or WebSocketException or IOException)
                {
                    Log.IdleTimeout(logger, options.IdleTimeout);
                    return (null, (WebSocketCloseStatus.EndpointUnavailable, "idle timeout"));
                }
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, PeerClosed());
                }
                length += result.Count;
                if (length > options.MaxFrameBytes)
                {
                    return (null, TooLarge());
                }
            }
            return TryHandle(result.MessageType, buffer.AsMemory(0, length), chunk, out var frame, out var rejected) ? (frame, null) : (null, rejected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The answer to the peer's close frame echoes its status code (RFC 6455 §5.5.1, docs/protocol.md
    /// §1.7): the stock client closes with codes of its own and reads the echo in its close event; the
    /// framework already failed the socket for a code the RFC forbids on the wire. .NET reports a close
    /// frame without a code as 1000, so that one is answered with 1000.
    /// </summary>
    private (WebSocketCloseStatus, string) PeerClosed() => (socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "");

    private (WebSocketCloseStatus, string) TooLarge()
    {
        Log.FrameTooLarge(logger, options.MaxFrameBytes);
        return (WebSocketCloseStatus.MessageTooBig, $"frame larger than {options.MaxFrameBytes} bytes (Rekindle:Transport:MaxFrameBytes)");
    }

    /// <summary>
    /// Parses one message: upload chunks (binary) are handled here, a text frame comes back to be
    /// dispatched once the receive buffer is returned. False with the close to send for bad input.
    /// </summary>
    private bool TryHandle(WebSocketMessageType type, ReadOnlyMemory<byte> message, Action<BinaryPush> chunk, out InboundFrame? frame, out (WebSocketCloseStatus, string) rejected)
    {
        frame = null;
        rejected = default;
        if (type == WebSocketMessageType.Binary)
        {
            // Upload chunks (§1.6). They skip the push rate limit: an upload channel takes at
            // most the bytes its entry declared, and the frame size limit bounds each chunk.
            if (!BinaryPush.TryRead(message, out var push, out var binaryError))
            {
                Log.FrameRejected(logger, binaryError);
                rejected = (WebSocketCloseStatus.InvalidPayloadData, binaryError);
                return false;
            }
            chunk(push);
            return true;
        }
        if (!FrameReader.TryRead(message, out var parsed, out var error))
        {
            Log.FrameRejected(logger, error);
            rejected = (WebSocketCloseStatus.InvalidPayloadData, error);
            return false;
        }
        frame = parsed;
        return true;
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Debug, "Frame rejected, closing the socket: {Reason}.", EventName = nameof(FrameRejected))]
        public static partial void FrameRejected(ILogger logger, string reason);

        [LoggerMessage(1002, LogLevel.Warning, "Frame larger than {Limit} bytes, closing the socket. Raise Rekindle:Transport:MaxFrameBytes if legitimate.", EventName = nameof(FrameTooLarge))]
        public static partial void FrameTooLarge(ILogger logger, int limit);

        [LoggerMessage(1003, LogLevel.Debug, "Socket idle for {Timeout}, closing it.", EventName = nameof(IdleTimeout))]
        public static partial void IdleTimeout(ILogger logger, TimeSpan timeout);
    }
}
