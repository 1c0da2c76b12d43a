using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Rekindle.Runtime;
using Rekindle.Uploads;
using Rekindle.Wire;

namespace Rekindle.Transport;

/// <summary>
/// One WebSocket connection: reads frames, answers heartbeats, routes each <c>lv:</c> topic to its
/// view, and writes every outbound frame through one <see cref="SocketOutbox"/> so writes never interleave.
/// Bad input closes this socket alone (1007 for unreadable frames, 1009 for oversized ones; never
/// 1000, which makes the client reload the page, docs/protocol.md §1.7).
/// </summary>
internal sealed partial class ChannelSocket : IFrameSink
{
    private readonly WebSocket _socket;
    private readonly SocketSession _session;
    private readonly TransportOptions _options;
    private readonly ViewProcessFactory _views;
    private readonly ILogger _logger;
    private readonly FrameWriter _frames = new();
    private readonly SocketOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly SocketReader _reader;
    private readonly Dictionary<string, ViewProcess> _topics = new(StringComparer.Ordinal);
    private readonly Lock _topicsLock = new();

    private readonly TokenBucket _pushes;
    private volatile bool _refusingJoins;
    private readonly JoinAdmission _joins;
    // Created by the first join over its budget: almost no socket ever holds one.
    private HeldJoins? _held;
    private readonly UploadChannels _uploads;
    private bool _ended;

    public ChannelSocket(WebSocket socket, SocketSession session, TransportOptions options, ViewProcessFactory views, JoinAdmission joins, UploadService uploads, TimeProvider time, ILogger logger, Action abortConnection)
    {
        _uploads = new UploadChannels(uploads, topic => FindView(topic)?.Transfers, Send, time, logger);
        _pushes = new TokenBucket(options.MaxPushesPerSecond, options.PushBurst, time);
        _joins = joins;
        _socket = socket;
        _session = session;
        _options = options;
        _views = views;
        _outbox = new SocketOutbox(socket, options.MaxOutboxBytes, time, logger, abortConnection);
        _time = time;
        _reader = new SocketReader(socket, options, time, logger);
        _logger = logger;
    }

    public void Send(byte[] frame) => _outbox.Send(frame);

    public void ViewEnded(ViewProcess view)
    {
        lock (_topicsLock)
        {
            if (_topics.TryGetValue(view.Topic, out var current) && ReferenceEquals(current, view))
            {
                _topics.Remove(view.Topic);
            }
        }
    }

    /// <summary>Closes the socket with 1012 for a server shutdown, once the queued frames are sent (<see cref="SocketOutbox.Reconnect"/>).</summary>
    public void Drain() => _outbox.Reconnect("server restarting");

    public void Reconnect(string reason) => _outbox.Reconnect(reason);

    /// <summary>
    /// From now on a join closes the socket with 1012 at once instead of mounting a view that the
    /// shutdown would end a moment later: the client reconnects to a server that is staying up.
    /// </summary>
    public void RefuseJoins() => _refusingJoins = true;

    public async Task RunAsync(CancellationToken aborted)
    {
        var (status, reason) = await ReadLoopAsync(aborted);
        _held?.Close();
        _uploads.CloseAll();
        StopAllViews();
        await _outbox.CompleteAsync();
        await SocketClose.QuietlyAsync(_socket, status, reason, _time, lost => Log.SocketLost(_logger, lost));
    }

    private async Task<(WebSocketCloseStatus Status, string Reason)> ReadLoopAsync(CancellationToken aborted)
    {
        try
        {
            return await _reader.RunAsync(DispatchAsync, _uploads.Chunk, aborted);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            Log.SocketLost(_logger, exception.Message);
            return (WebSocketCloseStatus.NormalClosure, "");
        }
    }

    private async ValueTask DispatchAsync(InboundFrame frame, CancellationToken aborted)
    {
        // Every frame costs a token, heartbeats too: the client sends one per 30 s, a flood is abuse.
        // Except upload progress: it follows acknowledged chunks (at most one per percent of an entry),
        // and a throttled "progress 100" would leave the upload hanging. And except joins: they have
        // budgets of their own (JoinAdmission), and an error reply to a join reloads the page.
        if (frame.Event != UploadPushes.Progress && frame.Event != ProtocolNames.Join && !_pushes.TryTake())
        {
            Log.RateLimited(_logger, frame.Topic, _options.MaxPushesPerSecond);
            Send(_frames.ErrorReply(frame.JoinRef, frame.Ref, frame.Topic, "rate limited"));
            return;
        }
        if (frame.Topic == ProtocolNames.PhoenixTopic)
        {
            Send(frame.Event == ProtocolNames.Heartbeat
                ? _frames.OkReply(null, frame.Ref, frame.Topic)
                : _frames.ErrorReply(null, frame.Ref, frame.Topic, "unmatched topic"));
            return;
        }
        if (frame.Event == ProtocolNames.Join)
        {
            if (_refusingJoins)
            {
                Log.JoinDuringShutdown(_logger, frame.Topic);
                Drain();
                return;
            }
            Admit(frame);
            return;
        }
        if (UploadChannels.IsUploadTopic(frame.Topic))
        {
            _uploads.Handle(frame);
            return;
        }
        var view = FindView(frame.Topic);
        if (view is null && frame.Event == ProtocolNames.Leave && _held?.Cancel(frame.Topic) == true)
        {
            Send(_frames.OkReply(frame.JoinRef, frame.Ref, frame.Topic));
            return;
        }
        if (view is null)
        {
            Send(frame.Event == ProtocolNames.Leave
                ? _frames.OkReply(frame.JoinRef, frame.Ref, frame.Topic)
                : _frames.ErrorReply(frame.JoinRef, frame.Ref, frame.Topic, "unmatched topic"));
            return;
        }
        if (!string.Equals(frame.JoinRef, view.JoinRef, StringComparison.Ordinal))
        {
            // A push for an earlier membership of this topic: Phoenix ignores it (§1.5).
            Log.StaleJoinRef(_logger, frame.Topic);
            return;
        }
        if (frame.Event == ProtocolNames.Leave)
        {
            lock (_topicsLock)
            {
                _topics.Remove(frame.Topic);
            }
            if (!await view.PostAsync(new LeaveMessage(frame.Ref), aborted))
            {
                // The view ended on its own just before (e.g. it redirected): the leave still gets its ok.
                Send(_frames.OkReply(frame.JoinRef, frame.Ref, frame.Topic));
            }
            view.Complete();
            return;
        }
        if (!await view.PostAsync(new ClientPushMessage(frame.Ref, frame.Event, frame.Payload), aborted))
        {
            Log.PushForEndedView(_logger, frame.Event, frame.Topic);
        }
    }

    private ViewProcess? FindView(string topic)
    {
        lock (_topicsLock)
        {
            return _topics.GetValueOrDefault(topic);
        }
    }

    /// <summary>Joins now when the join's budgets allow it (upload channels have none: the view's token admits them), else holds it.</summary>
    private void Admit(InboundFrame frame)
    {
        if (UploadChannels.IsUploadTopic(frame.Topic))
        {
            Join(frame);
            return;
        }
        var rejoin = HeldJoins.IsRejoin(frame.Payload);
        _held?.Cancel(frame.Topic);
        if (_held?.Count >= _options.MaxViewsPerSocket)
        {
            Log.TooManyViews(_logger, _options.MaxViewsPerSocket);
            Send(_frames.ErrorReply(frame.Ref, frame.Ref, frame.Topic, "too many channels joined"));
            return;
        }
        if (!_joins.TryAdmit(_session.RemoteAddress, _session.BrowserSessionId, rejoin, out var retryAfter))
        {
            _held ??= new HeldJoins(_joins, _session, _options, _time, _logger);
            _held.Hold(frame, rejoin, retryAfter, JoinUnlessRefusing, () => Reconnect("join budget exhausted, reconnect later"));
            return;
        }
        Join(frame);
    }

    private void JoinUnlessRefusing(InboundFrame frame)
    {
        if (_refusingJoins)
        {
            Drain();
            return;
        }
        Join(frame);
    }

    private void Join(InboundFrame frame)
    {
        if (UploadChannels.IsUploadTopic(frame.Topic) && frame.Ref is not null)
        {
            _uploads.Join(frame);
            return;
        }
        if (!frame.Topic.StartsWith(ProtocolNames.ViewTopicPrefix, StringComparison.Ordinal) || frame.Ref is null)
        {
            Send(_frames.ErrorReply(frame.Ref, frame.Ref, frame.Topic, "unmatched topic"));
            return;
        }
        ViewProcess view;
        lock (_topicsLock)
        {
            if (_ended)
            {
                return;
            }
            if (_topics.Remove(frame.Topic, out var previous))
            {
                // A join for a topic already joined replaces the old view (§1.5).
                previous.Stop();
                Send(_frames.Close(previous.JoinRef, previous.Topic));
            }
            if (_topics.Count >= _options.MaxViewsPerSocket)
            {
                Log.TooManyViews(_logger, _options.MaxViewsPerSocket);
                Send(_frames.ErrorReply(frame.Ref, frame.Ref, frame.Topic, "too many channels joined"));
                return;
            }
            view = _views.Create(frame.Topic, frame.Ref, this, _session);
            _topics[frame.Topic] = view;
        }
        view.Start(new JoinMessage(frame.Ref, frame.Payload));
    }

    private void StopAllViews()
    {
        ViewProcess[] views;
        lock (_topicsLock)
        {
            // A held join admitted from now on finds the socket ended and mounts nothing.
            _ended = true;
            views = [.. _topics.Values];
            _topics.Clear();
        }
        foreach (var view in views)
        {
            view.Stop();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1004, LogLevel.Debug, "Socket lost: {Reason}.", EventName = nameof(SocketLost))]
        public static partial void SocketLost(ILogger logger, string reason);

        [LoggerMessage(1005, LogLevel.Debug, "Ignored a push with a stale join_ref on {Topic}.", EventName = nameof(StaleJoinRef))]
        public static partial void StaleJoinRef(ILogger logger, string topic);

        [LoggerMessage(1014, LogLevel.Debug, "Join on {Topic} during shutdown: closing the socket with 1012 so the client rejoins elsewhere.", EventName = nameof(JoinDuringShutdown))]
        public static partial void JoinDuringShutdown(ILogger logger, string topic);

        [LoggerMessage(1008, LogLevel.Warning, "Push on {Topic} refused: the socket exceeds {Limit} pushes per second (Rekindle:Transport:MaxPushesPerSecond).", EventName = nameof(RateLimited))]
        public static partial void RateLimited(ILogger logger, string topic, double limit);

        [LoggerMessage(1701, LogLevel.Debug, "Push {Event} on {Topic} dropped: the view ended while it was on its way.", EventName = nameof(PushForEndedView))]
        public static partial void PushForEndedView(ILogger logger, string @event, string topic);

        [LoggerMessage(1006, LogLevel.Warning, "Join refused: the socket already has {Limit} views (Rekindle:Transport:MaxViewsPerSocket).", EventName = nameof(TooManyViews))]
        public static partial void TooManyViews(ILogger logger, int limit);
    }
}
