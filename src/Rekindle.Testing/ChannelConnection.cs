using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Rekindle.Wire;

namespace Rekindle.Testing;

/// <summary>
/// One Phoenix v2 JSON socket (docs/protocol.md §1.2): five-element frames out through a single
/// writer, frames in through a single reader that hands each reply to the callback registered for
/// its ref and every other frame to the push handler.
/// </summary>
/// <remarks>
/// Callbacks run on the reader, one frame at a time, so a view applies its diffs in wire order and a
/// reply's diff is merged before the task awaiting that reply resumes.
/// </remarks>
internal sealed class ChannelConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly Action<string, string, JsonElement> _onPush;
    private readonly Action<Exception> _onClosed;
    private readonly ConcurrentDictionary<string, PendingReply> _pending = new(StringComparer.Ordinal);
    private readonly Channel<(byte[] Bytes, WebSocketMessageType Type)> _outbox = Channel.CreateUnbounded<(byte[] Bytes, WebSocketMessageType Type)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly Task _writer;
    private int _ref;
    private int _disposed;

    public ChannelConnection(WebSocket socket, Action<string, string, JsonElement> onPush, Action<Exception> onClosed)
    {
        _socket = socket;
        _onPush = onPush;
        _onClosed = onClosed;
        _reader = Task.Run(ReadLoopAsync);
        _writer = Task.Run(WriteLoopAsync);
    }

    public string NextRef() => Interlocked.Increment(ref _ref).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends a push and calls <paramref name="onReply"/> on the reader with the reply's payload
    /// (<c>{"status":…,"response":…}</c>), or <paramref name="onFailure"/> if the socket closes first.
    /// </summary>
    public void Push(string? joinRef, string messageRef, string topic, string eventName, object payload, Action<JsonElement> onReply, Action<Exception> onFailure) =>
        Send(messageRef, JsonSerializer.SerializeToUtf8Bytes(new object?[] { joinRef, messageRef, topic, eventName, payload }), WebSocketMessageType.Text, onReply, onFailure);

    /// <summary>Sends a binary push as the client's serializer encodes it (docs/protocol.md §1.6): kind 0, four lengths, four strings, the payload.</summary>
    public void PushBinary(string joinRef, string messageRef, string topic, string eventName, ReadOnlySpan<byte> payload, Action<JsonElement> onReply, Action<Exception> onFailure)
    {
        var header = new[] { joinRef, messageRef, topic, eventName }.Select(Encoding.UTF8.GetBytes).ToArray();
        byte[] frame = [0, .. header.Select(field => checked((byte)field.Length)), .. header.SelectMany(field => field), .. payload];
        Send(messageRef, frame, WebSocketMessageType.Binary, onReply, onFailure);
    }

    private void Send(string messageRef, byte[] frame, WebSocketMessageType type, Action<JsonElement> onReply, Action<Exception> onFailure)
    {
        _pending[messageRef] = new PendingReply(onReply, onFailure);
        if (!_outbox.Writer.TryWrite((frame, type)))
        {
            _pending.TryRemove(messageRef, out _);
            onFailure(new LiveViewTestException("The socket to the server is closed."));
        }
    }

    /// <summary>Fails every reply still awaited (the view behind them ended).</summary>
    public void FailPending(Exception reason)
    {
        foreach (var messageRef in _pending.Keys)
        {
            if (_pending.TryRemove(messageRef, out var pending))
            {
                pending.OnFailure(reason);
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(_stop.Token))
            {
                await _socket.SendAsync(frame.Bytes, frame.Type, endOfMessage: true, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The reader notices the closed socket and fails what is pending.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var message = new MemoryStream();
        Exception closedBecause;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closedBecause = new LiveViewTestException($"The server closed the socket ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                try
                {
                    Dispatch(message.ToArray());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    closedBecause = exception as LiveViewTestException ?? new LiveViewTestException("Handling a frame from the server failed: " + exception.Message, exception);
                    break;
                }
                message.SetLength(0);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            closedBecause = new LiveViewTestException("The socket to the server closed: " + exception.Message, exception);
        }
        _outbox.Writer.TryComplete();
        FailPending(closedBecause);
        _onClosed(closedBecause);
    }

    private void Dispatch(byte[] frameBytes)
    {
        using var document = JsonDocument.Parse(frameBytes);
        var frame = document.RootElement;
        if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() != 5)
        {
            throw new LiveViewTestException("The server sent a frame that is not a five-element array: " + Encoding.UTF8.GetString(frameBytes));
        }
        var messageRef = frame[1].ValueKind == JsonValueKind.String ? frame[1].GetString() : null;
        var topic = frame[2].GetString() ?? "";
        var eventName = frame[3].GetString() ?? "";
        var payload = frame[4].Clone();
        if (eventName == ProtocolNames.Reply && messageRef is not null && _pending.TryRemove(messageRef, out var pending))
        {
            pending.OnReply(payload);
            return;
        }
        _onPush(topic, eventName, payload);
    }

    public async ValueTask DisposeAsync()
    {
        // A failed rejoin disposes its connection, and the view disposes it again at the end of the test.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _outbox.Writer.TryComplete();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Already gone: nothing to close.
            }
        }
        await _stop.CancelAsync();
        await Task.WhenAll(_reader, _writer).ConfigureAwait(false);
        _socket.Dispose();
        _stop.Dispose();
    }

    private sealed record PendingReply(Action<JsonElement> OnReply, Action<Exception> OnFailure);
}
