using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Rekindle.LoadGen;

/// <summary>
/// One browser tab's worth of protocol: GET the page (cookie, CSRF meta tag, container id and
/// tokens), open <c>/live/websocket?_csrf_token=…&amp;vsn=2.0.0</c> with the cookie, <c>phx_join</c>,
/// heartbeat every 30 s on topic <c>phoenix</c>, send click events and time each reply by its ref.
/// With a socket owner, the view is a further live view of the same browser: it loads its page with
/// the owner's cookie and joins on the owner's socket, which routes its frames to it by topic.
/// </summary>
internal sealed class ViewClient
{
    private const int BufferSize = 2048;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);
    private static readonly string[] BallotChoices = ["Green", "Blue"];

    private readonly LoadContext _ctx;
    private readonly ViewClient? _socketOwner;
    private readonly Dictionary<string, ViewClient> _socketViews = [];
    private readonly SemaphoreSlim _sendLock;
    private readonly Dictionary<int, long> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket? _ws;
    private string _topic = "";
    private int _ref;
    private string _joinRef = "";
    private PageTokens? _page;
    private int _mounts;
    private int _failedAttempts;
    private int _lastMountAttempts;
    private string? _snapshotToken;
    private TaskCompletionSource<bool>? _joined;
    private int _heartbeatPending;
    private long _expectedCount = -1;
    private long _joinedCount = -1;
    private bool _closing;
    private int _eventsSent;
    private Task _receiving = Task.CompletedTask;
    private Task _heartbeats = Task.CompletedTask;

    public ViewClient(LoadContext ctx, ViewClient? socketOwner = null)
    {
        _ctx = ctx;
        _socketOwner = socketOwner;
        _sendLock = socketOwner?._sendLock ?? new SemaphoreSlim(1, 1);
    }

    public List<float> Samples { get; } = [];

    public bool IsOpen { get; private set; }

    /// <summary>Payload bytes of the join frame sent and the join reply received.</summary>
    public int JoinSentBytes { get; private set; }

    public int JoinReceivedBytes { get; private set; }

    /// <summary>Payload bytes of event frames sent and of their replies, summed.</summary>
    public long EventSentBytes { get; private set; }

    public long EventReceivedBytes { get; private set; }

    public int EventsReplied { get; private set; }

    public int OutstandingEvents
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    public async Task<bool> OpenAsync(CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(_ctx.Options.Timeout));
        try
        {
            _page = await PageTokens.LoadAsync(_ctx, _socketOwner?._page?.Cookie, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or FormatException or IOException)
        {
            _ctx.Errors.Add("page load failed", e.Message);
            return false;
        }
        _topic = "lv:" + _page.ViewId;
        var (ok, kind, detail) = _socketOwner is null ? await ConnectAndJoinAsync(timeout.Token) : await JoinOnOwnerSocketAsync(_socketOwner, timeout.Token);
        if (!ok)
        {
            _ctx.Errors.Add(kind, detail);
            return false;
        }
        IsOpen = true;
        if (_socketOwner is null)
        {
            _heartbeats = HeartbeatLoopAsync(); // one per socket, as the stock client does
        }
        return true;
    }

    private async Task<(bool Ok, string Kind, string Detail)> JoinOnOwnerSocketAsync(ViewClient owner, CancellationToken cancel)
    {
        if (!owner.IsOpen)
        {
            return (false, "join failed", "the shared socket is not open");
        }
        _ws = owner._ws;
        lock (owner._socketViews)
        {
            owner._socketViews[_topic] = this;
        }
        var joined = await SendJoinAndWaitAsync(cancel);
        if (!joined.Ok)
        {
            lock (owner._socketViews)
            {
                owner._socketViews.Remove(_topic);
            }
        }
        return joined;
    }

    /// <summary>Opens a socket with the page's cookie and CSRF token and joins the view; on failure the socket is torn down.</summary>
    private async Task<(bool Ok, string Kind, string Detail)> ConnectAndJoinAsync(CancellationToken cancel)
    {
        var page = _page!;
        var ws = new ClientWebSocket();
        ws.Options.SetBuffer(BufferSize, BufferSize);
        ws.Options.KeepAliveInterval = TimeSpan.Zero; // the stock client sends Phoenix heartbeats, not WebSocket pings
        ws.Options.SetRequestHeader("Cookie", page.Cookie);
        if (_ctx.Options.Deflate)
        {
            // Offers permessage-deflate as a browser does (full window, context takeover); the server decides the rest.
            ws.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }
        var socketUri = new UriBuilder(_ctx.Options.Url)
        {
            Scheme = "ws",
            Path = "/live/websocket",
            Query = $"_csrf_token={Uri.EscapeDataString(page.CsrfToken)}&vsn=2.0.0",
        }.Uri;
        try
        {
            await ws.ConnectAsync(socketUri, _ctx.SocketInvoker, cancel);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
        {
            ws.Dispose();
            return (false, "websocket connect failed", e.InnerException?.Message ?? e.Message);
        }
        _ws = ws;
        _receiving = ReceiveLoopAsync(ws);
        var joined = await SendJoinAndWaitAsync(cancel);
        if (!joined.Ok)
        {
            await TearDownAsync(ws);
        }
        return joined;
    }

    private async Task<(bool Ok, string Kind, string Detail)> SendJoinAndWaitAsync(CancellationToken cancel)
    {
        _joined = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var join = BuildJoin(_page!);
        if (_mounts == 0)
        {
            JoinSentBytes = join.Length;
        }
        if (!await SendAsync(join, cancel))
        {
            return (false, "join send failed", "socket not open");
        }
        bool ok;
        try
        {
            ok = await _joined.Task.WaitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            return (false, "join timed out", $"no reply within {_ctx.Options.Timeout} s");
        }
        if (!ok)
        {
            return (false, "join failed", "refused or socket closed (see other errors)");
        }
        _mounts++;
        _failedAttempts = 0;
        return (true, "", "");
    }

    private async Task TearDownAsync(ClientWebSocket ws)
    {
        ws.Abort();
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (TimeoutException)
        {
        }
        ws.Dispose();
    }

    /// <summary>
    /// What the stock client does when its socket drops (--reconnect): retry with the Phoenix back-off
    /// (10, 50, 100, 150, 200, 250, 500, 1000, 2000 ms, then every 5 s) and rejoin the same view with
    /// the same tokens and <c>_mounts</c> &gt; 0; then check the count came back (restored state).
    /// </summary>
    private async Task ReconnectAsync()
    {
        int[] backoff = [10, 50, 100, 150, 200, 250, 500, 1000, 2000];
        int inflight;
        lock (_pending)
        {
            inflight = _pending.Count;
            _pending.Clear();
        }
        _ctx.Recovery.MarkDropped(inflight);
        var droppedAt = Stopwatch.GetTimestamp();
        var countBefore = _expectedCount;
        try
        {
            for (var attempt = 0; !_closing; attempt++)
            {
                await Task.Delay(attempt < backoff.Length ? backoff[attempt] : 5000, _stop.Token);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(_ctx.Options.Timeout));
                var (ok, _, _) = await ConnectAndJoinAsync(timeout.Token);
                if (!ok)
                {
                    continue;
                }
                Interlocked.Exchange(ref _heartbeatPending, 0);
                IsOpen = true;
                // The count the join reply rendered: replies to events sent after the rejoin may already
                // have moved _expectedCount on by the time this continuation runs.
                var after = _joinedCount;
                var restored = countBefore < 0 || _ctx.IsBallot || (after >= countBefore && after <= countBefore + inflight);
                if (!restored)
                {
                    _ctx.Errors.Add($"state lost on rejoin (_mount_attempts {Math.Min(_lastMountAttempts, 3)}{(_lastMountAttempts >= 3 ? "+" : "")})", $"count {countBefore} before the drop ({inflight} in flight), {after} after");
                }
                var lost = countBefore < 0 || _ctx.IsBallot ? 0 : Math.Max(0, countBefore - after);
                _ctx.Recovery.MarkRejoined(restored, Stopwatch.GetElapsedTime(droppedAt).TotalMilliseconds, lost);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            if (!_closing)
            {
                _ctx.Errors.Add("rejoin gave up", "the run ended before the view could rejoin");
            }
        }
    }

    private byte[] BuildJoin(PageTokens page)
    {
        _joinRef = NextRef().ToString(CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(_joinRef);
            json.WriteStringValue(_joinRef);
            json.WriteStringValue(_topic);
            json.WriteStringValue("phx_join");
            json.WriteStartObject();
            json.WriteString("url", new Uri(_ctx.Options.Url, _ctx.Options.Path).ToString());
            json.WriteStartObject("params");
            json.WriteString("_csrf_token", page.CsrfToken);
            json.WriteNumber("_mounts", _mounts);
            // As view.ts does: the number of joins sent since the last successful one (socket
            // connect failures do not count: no join is sent while the socket is down).
            _lastMountAttempts = _failedAttempts++;
            json.WriteNumber("_mount_attempts", _lastMountAttempts);
            if (_snapshotToken is { } token)
            {
                json.WriteString("_rekindle_snapshot", token);
            }
            json.WriteEndObject();
            json.WriteString("session", page.Session);
            json.WriteString("static", page.Static);
            json.WriteBoolean("sticky", false);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private int NextRef() => Interlocked.Increment(ref _ref);

    private Task<bool> SendAsync(byte[] frame, CancellationToken cancel) => SendAsync(frame, _ws, cancel);

    /// <summary>Sends on <paramref name="ws"/> only if it is still the view's socket when the send lock is taken.</summary>
    private async Task<bool> SendAsync(byte[] frame, ClientWebSocket? ws, CancellationToken cancel)
    {
        if (ws is null || ws.State != WebSocketState.Open)
        {
            return false;
        }
        await _sendLock.WaitAsync(cancel);
        try
        {
            if (!ReferenceEquals(ws, _ws) || ws.State != WebSocketState.Open)
            {
                return false;
            }
            await ws.SendAsync(frame, WebSocketMessageType.Text, true, cancel);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends one click (counter: <c>inc</c>; ballot: ballot 1 alternating Green/Blue) and starts its timer.</summary>
    public async Task SendEventAsync(CancellationToken cancel)
    {
        var messageRef = NextRef();
        string payload;
        if (_ctx.IsBallot)
        {
            var choice = BallotChoices[_eventsSent % 2];
            payload = $"{{\"type\":\"click\",\"event\":\"select\",\"value\":{{\"ballot\":\"1\",\"value\":\"{choice}\"}}}}";
        }
        else
        {
            payload = "{\"type\":\"click\",\"event\":\"inc\",\"value\":{\"value\":\"\"}}";
        }
        _eventsSent++;
        // The socket and join the event belongs to: an event that waited for the send lock while the
        // socket dropped and the view rejoined must not go out on the new socket under the old join
        // (the server would apply it after the restore, and the rejoin would count it as state ahead).
        var ws = _ws;
        var frame = Encoding.UTF8.GetBytes($"[\"{_joinRef}\",\"{messageRef}\",\"{_topic}\",\"event\",{payload}]");
        lock (_pending)
        {
            _pending[messageRef] = Stopwatch.GetTimestamp();
        }
        if (await SendAsync(frame, ws, cancel))
        {
            Interlocked.Increment(ref _ctx.EventsSent);
            EventSentBytes += frame.Length;
        }
        else
        {
            lock (_pending)
            {
                _pending.Remove(messageRef);
            }
            if (!cancel.IsCancellationRequested && !_ctx.Options.Reconnect)
            {
                _ctx.Errors.Add("event send failed", "socket not open");
            }
        }
    }

    /// <summary>Sends events at <paramref name="rate"/> per second until <paramref name="until"/> (a Stopwatch timestamp).</summary>
    public async Task RunEventsAsync(double rate, long until, CancellationToken cancel)
    {
        if (rate <= 0 || !IsOpen)
        {
            return;
        }
        var period = (long)(Stopwatch.Frequency / rate);
        var next = Stopwatch.GetTimestamp() + (long)(Random.Shared.NextDouble() * period);
        try
        {
            while (!cancel.IsCancellationRequested && (IsOpen || _ctx.Options.Reconnect))
            {
                var now = Stopwatch.GetTimestamp();
                if (next >= until)
                {
                    return;
                }
                if (next > now)
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(now, next), cancel);
                }
                if (IsOpen)
                {
                    await SendEventAsync(cancel);
                }
                else
                {
                    Interlocked.Increment(ref _ctx.EventsSkipped);
                }
                next += period;
                now = Stopwatch.GetTimestamp();
                if (next < now)
                {
                    // Behind schedule (an overloaded client): skip rather than burst, and count it.
                    Interlocked.Increment(ref _ctx.LateTicks);
                    next = now + period;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        try
        {
            // Spread the first heartbeat over the interval, as tabs opened at different times do.
            await Task.Delay(TimeSpan.FromSeconds(Random.Shared.NextDouble() * HeartbeatInterval.TotalSeconds), _stop.Token);
            while (!_stop.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref _heartbeatPending, 1) == 1)
                {
                    _ctx.Errors.Add("heartbeat reply missing", "no reply within 30 s");
                }
                var frame = Encoding.UTF8.GetBytes($"[null,\"{NextRef()}\",\"phoenix\",\"heartbeat\",{{}}]");
                if (!await SendAsync(frame, _stop.Token))
                {
                    if (!_ctx.Options.Reconnect)
                    {
                        return;
                    }
                    Interlocked.Exchange(ref _heartbeatPending, 0);
                }
                Interlocked.Increment(ref _ctx.Heartbeats);
                await Task.Delay(HeartbeatInterval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket ws)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    result = await ws.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None); // ended by Abort
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!_closing && !_ctx.Options.Reconnect)
                    {
                        _ctx.Errors.Add("socket closed by server", $"{ws.CloseStatus} {ws.CloseStatusDescription}");
                    }
                    break;
                }
                HandleFrame(buffer.AsMemory(0, length));
                if (buffer.Length > BufferSize * 4)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            if (!_closing && !_stop.IsCancellationRequested && !_ctx.Options.Reconnect)
            {
                _ctx.Errors.Add("socket lost", e.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (ReferenceEquals(ws, _ws))
            {
                var wasOpen = IsOpen;
                IsOpen = false;
                _joined?.TrySetResult(false);
                lock (_socketViews)
                {
                    foreach (var view in _socketViews.Values)
                    {
                        view.IsOpen = false;
                        view._joined?.TrySetResult(false);
                    }
                }
                if (wasOpen && !_closing && _ctx.Options.Reconnect)
                {
                    _ = ReconnectAsync();
                }
            }
        }
    }

    private void HandleFrame(ReadOnlyMemory<byte> frame)
    {
        if (_ctx.Options.Dump > 0 && Interlocked.CompareExchange(ref _ctx.DumpOwner, this, null) == this
            && Interlocked.Increment(ref _ctx.Dumped) <= _ctx.Options.Dump)
        {
            Console.Error.WriteLine($"<- ({frame.Length} B) {Encoding.UTF8.GetString(frame.Span)}");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException e)
        {
            _ctx.Errors.Add("unparsable frame", e.Message);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 5)
            {
                _ctx.Errors.Add("malformed frame", "not a 5-element array");
                return;
            }
            var topic = root[2].GetString();
            ViewClient? view = null;
            if (topic != _topic && topic is not null)
            {
                lock (_socketViews)
                {
                    _socketViews.TryGetValue(topic, out view);
                }
            }
            (view ?? this).HandleMessage(root, topic, frame.Length);
        }
    }

    private void HandleMessage(JsonElement root, string? topic, int frameLength)
    {
        var messageRef = root[1].ValueKind == JsonValueKind.String ? root[1].GetString() : null;
        var eventName = root[3].GetString();
        var payload = root[4];
        switch (eventName)
        {
            case "phx_reply" when topic == "phoenix":
                Interlocked.Exchange(ref _heartbeatPending, 0);
                if (!IsOk(payload))
                {
                    _ctx.Errors.Add("heartbeat error reply", payload.GetRawText());
                }
                break;
            case "phx_reply" when messageRef == _joinRef:
                JoinReceivedBytes = frameLength;
                if (!IsOk(payload) || !payload.GetProperty("response").TryGetProperty("rendered", out var rendered))
                {
                    _ctx.Errors.Add("join refused", Truncate(payload.GetRawText()));
                    _joined?.TrySetResult(false);
                    break;
                }
                if (!_ctx.IsBallot && rendered.TryGetProperty("0", out var count) && long.TryParse(count.GetString(), out var initial))
                {
                    _expectedCount = initial;
                    _joinedCount = initial;
                }
                KeepSnapshotToken(rendered);
                _joined?.TrySetResult(true);
                break;
            case "phx_reply":
                HandleEventReply(messageRef, payload, frameLength);
                break;
            case "phx_error" or "phx_close":
                _ctx.Errors.Add($"server pushed {eventName}", Truncate(payload.GetRawText()));
                break;
            default:
                Interlocked.Increment(ref _ctx.OtherPushes);
                break;
        }
    }

    private void HandleEventReply(string? messageRef, JsonElement payload, int bytes)
    {
        long started;
        lock (_pending)
        {
            if (!int.TryParse(messageRef, CultureInfo.InvariantCulture, out var key) || !_pending.Remove(key, out started))
            {
                _ctx.Errors.Add("reply to an unknown ref", messageRef ?? "null");
                return;
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        EventReceivedBytes += bytes;
        EventsReplied++;
        Interlocked.Increment(ref _ctx.EventsReplied);
        if (_ctx.Measuring)
        {
            Samples.Add((float)elapsed.TotalMilliseconds);
        }
        if (!IsOk(payload))
        {
            _ctx.Errors.Add("event error reply", Truncate(payload.GetRawText()));
            return;
        }
        if (payload.GetProperty("response").TryGetProperty("diff", out var replyDiff))
        {
            KeepSnapshotToken(replyDiff);
        }
        if (_ctx.Options.Verify && !_ctx.IsBallot && _expectedCount >= 0)
        {
            _expectedCount++;
            var diff = payload.GetProperty("response").TryGetProperty("diff", out var d) ? d : default;
            var shown = diff.ValueKind == JsonValueKind.Object && diff.TryGetProperty("0", out var slot) ? slot.GetString() : null;
            if (shown != _expectedCount.ToString(CultureInfo.InvariantCulture))
            {
                _ctx.Errors.Add("wrong count in diff", $"expected {_expectedCount}, diff {Truncate(diff.ValueKind == JsonValueKind.Undefined ? "(none)" : diff.GetRawText())}");
                _expectedCount = -1; // report once per view
            }
        }
    }

    /// <summary>Browser-kept recoverable state: the latest <c>rekindle:snapshot</c> token goes back in the next join, as rekindle.js does.</summary>
    private void KeepSnapshotToken(JsonElement diff)
    {
        if (diff.ValueKind != JsonValueKind.Object || !diff.TryGetProperty("e", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var e in events.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.String
                && e[0].GetString() == "rekindle:snapshot" && e[1].ValueKind == JsonValueKind.Object
                && e[1].TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String)
            {
                _snapshotToken = token.GetString();
            }
        }
    }

    private static bool IsOk(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("status", out var status) && status.GetString() == "ok";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>Closes the socket normally (as a closing tab does) within a short timeout.</summary>
    public async Task CloseAsync()
    {
        _closing = true;
        _stop.Cancel();
        var ws = _ws;
        if (ws is null || _socketOwner is not null)
        {
            IsOpen = false; // the owner closes the shared socket
            return;
        }
        try
        {
            if (ws.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await _sendLock.WaitAsync(timeout.Token);
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                // Let the server answer the close before the socket is torn down.
                await _receiving.WaitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or TimeoutException)
        {
        }
        await AbortAsync();
    }

    private async Task AbortAsync()
    {
        _closing = true;
        _stop.Cancel();
        IsOpen = false;
        _ws?.Abort();
        try
        {
            await Task.WhenAll(_receiving, _heartbeats).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (TimeoutException)
        {
        }
        _ws?.Dispose();
    }
}
