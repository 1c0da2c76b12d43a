using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Rekindle.Transport;

/// <summary>
/// Sends a socket's outbound frames one at a time, in the order they were queued. The thread that
/// queues a frame while nothing is being sent sends it itself (and whatever others queue meanwhile),
/// so a reply costs no hop to a writer task, and an idle socket holds no waiting writer.
/// </summary>
internal sealed partial class SocketOutbox(WebSocket socket, TimeProvider time, ILogger logger)
{
    /// <summary>How long a client has to answer a 1012 close.</summary>
    private static readonly TimeSpan DrainCloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Queued after the frames already in the outbox: the sender then closes the socket with 1012.</summary>
    private static readonly byte[] ReconnectSignal = [];

    private readonly Queue<byte[]> _queue = new();
    private readonly Lock _lock = new();
    private bool _sending;
    private bool _completed;
    private TaskCompletionSource? _idle;

    /// <summary>Queues a frame; never throws (a closed socket drops it) and never waits on the client.</summary>
    public void Send(byte[] frame)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            if (_sending)
            {
                _queue.Enqueue(frame);
                return;
            }
            _sending = true;
        }
        _ = SendFromAsync(frame);
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
                if (!_queue.TryDequeue(out frame!))
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
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>
    /// A client that does not answer the 1012 close in time is cut off: a shutdown must never wait on
    /// a client (the host would hold the process until its own shutdown timeout).
    /// </summary>
    private async Task AbortUnlessClosedAsync()
    {
        await Task.Delay(DrainCloseTimeout, time);
        if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            Log.DrainCloseUnanswered(logger, DrainCloseTimeout);
            socket.Abort();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1016, LogLevel.Debug, "Frame not sent, the socket is lost: {Reason}.", EventName = nameof(SendFailed))]
        public static partial void SendFailed(ILogger logger, string reason);

        [LoggerMessage(1015, LogLevel.Debug, "The client did not answer the 1012 close within {Timeout}; the socket is cut off.", EventName = nameof(DrainCloseUnanswered))]
        public static partial void DrainCloseUnanswered(ILogger logger, TimeSpan timeout);

        [LoggerMessage(1007, LogLevel.Debug, "Closing the socket with 1012 ({Reason}): the client reconnects and rejoins.", EventName = nameof(Draining))]
        public static partial void Draining(ILogger logger, string reason);
    }
}
