using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Rekindle.Transport;

/// <summary>
/// Sends a socket's outbound frames one at a time, in the order they were queued. The thread that
/// queues a frame while nothing is being sent sends it itself (and whatever others queue meanwhile),
/// so a reply costs no hop to a writer task, and an idle socket holds no waiting writer.
/// Frames waiting behind the one being sent may hold at most <c>maxQueuedBytes</c>: a client that
/// stops reading while its views keep pushing (a PubSub fan-out to a tab that froze) would otherwise
/// grow this queue without bound. Past the cap the queue is dropped and the socket closed with 1013,
/// so the client reconnects and its views rejoin and restore (docs/protocol.md §1.7); no other socket
/// is touched.
/// </summary>
internal sealed partial class SocketOutbox(WebSocket socket, long maxQueuedBytes, TimeProvider time, ILogger logger, Action abortConnection)
{
    /// <summary>How long a client has to answer a 1012 close.</summary>
    private static readonly TimeSpan DrainCloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Queued after the frames already in the outbox: the sender then closes the socket with 1012.</summary>
    private static readonly byte[] ReconnectSignal = [];

    /// <summary>Queued alone once the cap is passed: the sender then closes the socket with 1013 ("try again later").</summary>
    private static readonly byte[] OverflowSignal = [];

    private readonly Queue<byte[]> _queue = new();
    private readonly Lock _lock = new();
    private long _queuedBytes;
    private bool _sending;
    private bool _completed;
    private TaskCompletionSource? _idle;

    /// <summary>Queues a frame; never throws (a closed socket drops it) and never waits on the client.</summary>
    public void Send(byte[] frame)
    {
        var overflowed = false;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            if (_sending)
            {
                if (_queuedBytes + frame.Length <= maxQueuedBytes)
                {
                    _queue.Enqueue(frame);
                    _queuedBytes += frame.Length;
                    return;
                }
                _queue.Clear();
                _queue.Enqueue(OverflowSignal);
                _queuedBytes = 0;
                _completed = true;
                overflowed = true;
            }
            else
            {
                _sending = true;
            }
        }
        if (overflowed)
        {
            Overflowed();
            return;
        }
        _ = SendFromAsync(frame);
    }

    /// <summary>
    /// The frame in flight may never complete (the client reads nothing), so the close frame behind it
    /// may never go out: the socket is cut off if it is not closed in time, and the client sees 1006,
    /// which reconnects it just the same.
    /// </summary>
    private void Overflowed()
    {
        Log.OutboxFull(logger, maxQueuedBytes);
        _ = AbortUnlessClosedAsync();
    }

    private volatile string _reconnectReason = "";

    /// <summary>
    /// Closes the socket with 1012 ("service restart") once the queued frames are sent: the client
    /// reconnects with back-off and rejoins, here when the server is back or on another node
    /// (docs/protocol.md §1.7). <paramref name="reason"/> goes in the close frame.
    /// </summary>
    public void Reconnect(string reason)
    {
        _reconnectReason = reason;
        Send(ReconnectSignal);
    }

    /// <summary>Refuses new frames and completes once the queued ones are sent.</summary>
    public Task CompleteAsync()
    {
        lock (_lock)
        {
            _completed = true;
            if (!_sending)
            {
                return Task.CompletedTask;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private async Task SendFromAsync(byte[] first)
    {
        var frame = first;
        while (true)
        {
            try
            {
                await SendOneAsync(frame);
            }
            catch (Exception exception)
            {
                // Whatever failed, the sender must hand back the outbox, or later frames would queue
                // forever. Usually the peer is gone: the read loop notices and ends the connection,
                // and later frames are skipped by the state check in SendOneAsync.
                Log.SendFailed(logger, exception.Message);
            }
            lock (_lock)
            {
                if (_queue.TryDequeue(out var next))
                {
                    frame = next;
                    _queuedBytes -= next.Length;
                }
                else
                {
                    _sending = false;
                    _idle?.TrySetResult();
                    return;
                }
            }
        }
    }

    private async ValueTask SendOneAsync(byte[] frame)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }
        if (ReferenceEquals(frame, ReconnectSignal))
        {
            Log.Draining(logger, _reconnectReason);
            await socket.CloseOutputAsync((WebSocketCloseStatus)1012, _reconnectReason, CancellationToken.None);
            _ = AbortUnlessClosedAsync();
            return;
        }
        if (ReferenceEquals(frame, OverflowSignal))
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)1013, "outbox full", CancellationToken.None);
            return;
        }
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>
    /// A client that does not answer a 1012 or 1013 close in time is cut off: a shutdown must never wait on
    /// a client (the host would hold the process until its own shutdown timeout).
    /// </summary>
    private async Task AbortUnlessClosedAsync()
    {
        await Task.Delay(DrainCloseTimeout, time);
        if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            Log.DrainCloseUnanswered(logger, DrainCloseTimeout);
            socket.Abort();
            // Aborting the WebSocket alone leaves a send blocked on the client's full buffers, and with it
            // the TCP connection, open: the connection itself goes, so the client sees it drop and reconnects.
            abortConnection();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1016, LogLevel.Debug, "Frame not sent, the socket is lost: {Reason}.", EventName = nameof(SendFailed))]
        public static partial void SendFailed(ILogger logger, string reason);

        [LoggerMessage(1015, LogLevel.Debug, "The client did not answer the 1012 close within {Timeout}; the socket is cut off.", EventName = nameof(DrainCloseUnanswered))]
        public static partial void DrainCloseUnanswered(ILogger logger, TimeSpan timeout);

        [LoggerMessage(1040, LogLevel.Warning, "A client stopped reading: more than {MaxQueuedBytes} bytes waited to be sent, so its socket is closed with 1013 and it reconnects (Rekindle:Transport:MaxOutboxBytes).", EventName = nameof(OutboxFull))]
        public static partial void OutboxFull(ILogger logger, long maxQueuedBytes);

        [LoggerMessage(1007, LogLevel.Debug, "Closing the socket with 1012 ({Reason}): the client reconnects and rejoins.", EventName = nameof(Draining))]
        public static partial void Draining(ILogger logger, string reason);
    }
}
