using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Rekindle.Transport;

/// <summary>
/// A long-poll session seen as a WebSocket, so a <see cref="ChannelSocket"/> serves it unchanged:
/// the frames of each POST are received as messages, and each sent message waits for the
/// client's next GET. Disposing ends the session as a close from the client would. The client
/// posts binary frames (upload chunks, docs/protocol.md §1.6) as base64 lines and text frames as
/// JSON arrays, so a line that does not start with <c>[</c> is a binary message.
/// </summary>
internal sealed class LongPollSocket : WebSocket
{
    private readonly Channel<(byte[] Bytes, WebSocketMessageType Type)> _inbound = Channel.CreateUnbounded<(byte[], WebSocketMessageType)>(new() { SingleReader = true });
    private readonly Channel<string> _outbound = Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private byte[]? _partial;
    private WebSocketMessageType _partialType;
    private int _partialOffset;
    private volatile WebSocketState _state = WebSocketState.Open;

    public override WebSocketCloseStatus? CloseStatus => _state == WebSocketState.Open ? null : WebSocketCloseStatus.NormalClosure;

    public override string? CloseStatusDescription => null;

    public override WebSocketState State => _state;

    public override string? SubProtocol => null;

    /// <summary>Queues a frame the client posted; false when it is neither a JSON array nor base64.</summary>
    public bool Receive(string frame)
    {
        if (frame.StartsWith('['))
        {
            _inbound.Writer.TryWrite((Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text));
            return true;
        }
        var bytes = new byte[frame.Length / 4 * 3];
        if (!Convert.TryFromBase64String(frame, bytes, out var written))
        {
            return false;
        }
        _inbound.Writer.TryWrite((bytes[..written], WebSocketMessageType.Binary));
        return true;
    }

    /// <summary>
    /// Waits up to <paramref name="window"/> for frames to the client and takes all that are queued;
    /// an empty list when none came, <see langword="null"/> when the session has ended.
    /// </summary>
    public async Task<List<string>?> TakeAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(window);
        try
        {
            if (!await _outbound.Reader.WaitToReadAsync(timeout.Token))
            {
                return null;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return [];
        }
        var frames = new List<string>();
        while (_outbound.Reader.TryRead(out var frame))
        {
            frames.Add(frame);
        }
        return frames;
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        if (_partial is null)
        {
            if (!await _inbound.Reader.WaitToReadAsync(cancellationToken) || !_inbound.Reader.TryRead(out var message))
            {
                _state = WebSocketState.CloseReceived;
                return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.NormalClosure, null);
            }
            (_partial, _partialType, _partialOffset) = (message.Bytes, message.Type, 0);
        }
        var type = _partialType;
        var count = Math.Min(buffer.Count, _partial.Length - _partialOffset);
        _partial.AsSpan(_partialOffset, count).CopyTo(buffer.AsSpan());
        _partialOffset += count;
        var end = _partialOffset == _partial.Length;
        if (end)
        {
            _partial = null;
        }
        return new WebSocketReceiveResult(count, type, end);
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        if (messageType != WebSocketMessageType.Text || !endOfMessage)
        {
            throw new WebSocketException("A long-poll session carries whole text frames only.");
        }
        var frame = Encoding.UTF8.GetString(buffer);
        if (!frame.StartsWith(LongPollKeepAlive.ReplyPrefix, StringComparison.Ordinal))
        {
            _outbound.Writer.TryWrite(frame);
        }
        return Task.CompletedTask;
    }

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        End();
        return Task.CompletedTask;
    }

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken)
    {
        End();
        return Task.CompletedTask;
    }

    public override void Abort() => End();

    public override void Dispose() => End();

    private void End()
    {
        _state = WebSocketState.Closed;
        _inbound.Writer.TryComplete();
        _outbound.Writer.TryComplete();
    }
}
