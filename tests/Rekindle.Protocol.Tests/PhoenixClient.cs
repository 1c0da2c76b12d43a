using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// A raw Phoenix channel client, as the stock JS client speaks it: GET the page, take the tokens,
/// open /live/websocket with the CSRF token and the session cookie, send 5-element frames.
/// </summary>
public sealed partial class PhoenixClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private int _ref;

    private PhoenixClient(Uri baseAddress, PageTokens page)
    {
        BaseAddress = baseAddress;
        Page = page;
    }

    public Uri BaseAddress { get; }

    public PageTokens Page { get; }

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public int LastFrameBytes { get; private set; }

    /// <summary>Another page in this client's browser session (same cookie), e.g. a second view for the same socket.</summary>
    public Task<PageTokens> GetPageAsync(string path) => GetPageAsync(BaseAddress, path, Page.Cookie);

    public static async Task<PageTokens> GetPageAsync(Uri baseAddress, string path, string? cookie = null)
    {
        var cookies = new CookieContainer();
        if (cookie is { Length: > 0 })
        {
            cookies.SetCookies(baseAddress, cookie);
        }
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var html = await http.GetStringAsync(path);
        string Attribute(string pattern) => Regex.Match(html, pattern).Groups[1].Value;
        return new PageTokens(
            new Uri(baseAddress, path),
            html,
            Attribute("<[a-z][a-z0-9-]* id=\"([^\"]+)\" data-phx-main"),
            Attribute("data-phx-session=\"([^\"]+)\""),
            Attribute("data-phx-static=\"([^\"]+)\""),
            Attribute("<meta name=\"csrf-token\" content=\"([^\"]+)\""),
            cookies.GetCookieHeader(baseAddress));
    }

    public static async Task<PhoenixClient> ConnectAsync(Uri baseAddress, string path, Action<ClientWebSocketOptions>? configure = null, string? csrfOverride = null) =>
        await ConnectAsync(baseAddress, await GetPageAsync(baseAddress, path), configure, csrfOverride);

    /// <summary>A new socket for the same page (same tokens and cookie), as the browser after a drop.</summary>
    public static Task<PhoenixClient> ReconnectAsync(PhoenixClient previous) => ConnectAsync(previous.BaseAddress, previous.Page);

    /// <summary>
    /// Connects to a server for a page loaded earlier, possibly from another server of the same app.
    /// <paramref name="extraQuery"/> (<c>&amp;key=value…</c>) goes into the socket URL before <c>vsn</c>,
    /// as the stock client puts the connect params there.
    /// </summary>
    public static async Task<PhoenixClient> ConnectAsync(Uri baseAddress, PageTokens page, Action<ClientWebSocketOptions>? configure = null, string? csrfOverride = null, string extraQuery = "")
    {
        var client = new PhoenixClient(baseAddress, page);
        client._socket.Options.SetRequestHeader("Cookie", page.Cookie);
        configure?.Invoke(client._socket.Options);
        var csrf = Uri.EscapeDataString(csrfOverride ?? page.CsrfToken);
        var socketUri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/live/websocket", Query = $"_csrf_token={csrf}&_mounts=0{extraQuery}&vsn=2.0.0" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._socket.ConnectAsync(socketUri, timeout.Token);
        return client;
    }

    public string Topic => "lv:" + Page.ViewId;

    public string NextRef() => Interlocked.Increment(ref _ref).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Joins the page's view; returns the join_ref and the reply payload.</summary>
    public async Task<(string JoinRef, JsonNode Reply)> JoinAsync(JsonObject? extraParams = null, string? session = null, string? staticToken = null, PageTokens? page = null)
    {
        var joinRef = await SendJoinAsync(extraParams, session, staticToken, page);
        return (joinRef, await ReplyAsync(joinRef));
    }

    /// <summary>Sends a join like the client's and returns its ref, without waiting for an answer.</summary>
    public async Task<string> SendJoinAsync(JsonObject? extraParams = null, string? session = null, string? staticToken = null, PageTokens? page = null)
    {
        page ??= Page;
        var joinRef = NextRef();
        var parameters = extraParams ?? [];
        parameters["_csrf_token"] = Page.CsrfToken;
        parameters["_mounts"] ??= 0;
        parameters["_mount_attempts"] ??= 0;
        var payload = new JsonObject
        {
            ["url"] = page.Url.ToString(),
            ["params"] = parameters,
            ["session"] = session ?? page.Session,
            ["static"] = staticToken ?? page.Static,
            ["sticky"] = false,
        };
        await SendAsync(new JsonArray(joinRef, joinRef, "lv:" + page.ViewId, "phx_join", payload));
        return joinRef;
    }

    public async Task<JsonNode> PushAsync(string joinRef, string eventName, JsonObject payload, string? topic = null)
    {
        var messageRef = NextRef();
        await SendAsync(new JsonArray(joinRef, messageRef, topic ?? Topic, eventName, payload));
        return await ReplyAsync(messageRef);
    }

    public Task<JsonNode> ClickAsync(string joinRef, string eventName, JsonObject? value = null, string? topic = null) =>
        PushAsync(joinRef, "event", new JsonObject { ["type"] = "click", ["event"] = eventName, ["value"] = value ?? new JsonObject { ["value"] = "" } }, topic);

    public Task SendAsync(JsonArray frame) => SendTextAsync(frame.ToJsonString());

    public async Task SendBinaryAsync(byte[] data)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(data, WebSocketMessageType.Binary, true, timeout.Token);
    }

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends prepared bytes as one text message, allocating nothing per call (for allocation counts).</summary>
    public ValueTask SendPreparedAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Reads the next message into <paramref name="buffer"/> without parsing it; returns its length.</summary>
    public async ValueTask<int> ReceivePreparedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer[length..], cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage && length < buffer.Length);
        return result.MessageType == WebSocketMessageType.Close ? throw new InvalidOperationException($"socket closed: {CloseStatus} {CloseDescription}") : length;
    }

    /// <summary>Reads frames until the reply with this ref arrives; other frames are kept in <see cref="Received"/>.</summary>
    public async Task<JsonNode> ReplyAsync(string messageRef)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync() ?? throw new InvalidOperationException($"socket closed before the reply to ref {messageRef}: {CloseStatus} {CloseDescription}");
            if (frame[3]!.GetValue<string>() == "phx_reply" && frame[1]?.GetValue<string>() == messageRef)
            {
                return frame[4]!;
            }
            Received.Add(frame);
        }
    }

    public List<JsonArray> Received { get; } = [];

    /// <summary>The next frame, or <see langword="null"/> when the server closed the socket.</summary>
    public async Task<JsonArray?> ReceiveFrameAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[1 << 20];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }
        LastFrameBytes = length;
        return JsonNode.Parse(buffer.AsSpan(0, length))!.AsArray();
    }

    /// <summary>Waits until the server closes the socket; returns the close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync()
    {
        try
        {
            while (await ReceiveFrameAsync() is not null)
            {
            }
        }
        catch (WebSocketException)
        {
        }
        return CloseStatus;
    }

    /// <summary>Starts the closing handshake with <paramref name="status"/>; returns the status of the server's answering close frame.</summary>
    public async Task<WebSocketCloseStatus?> CloseAsync(WebSocketCloseStatus status, string? reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.CloseAsync(status, reason, timeout.Token);
        return CloseStatus;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }

    /// <summary>
    /// The diff of a reply (or of a pushed diff payload) as JSON, without the recovery snapshot the
    /// server pushes with changes of [Recoverable] state, so tests can compare the render part exactly.
    /// </summary>
    public static string RenderDiff(JsonNode replyOrDiff)
    {
        var diff = (replyOrDiff["response"]?["diff"] ?? replyOrDiff).DeepClone().AsObject();
        if (diff["e"] is JsonArray events)
        {
            foreach (var snapshot in events.Where(e => e![0]!.GetValue<string>() == "rekindle:snapshot").ToList())
            {
                events.Remove(snapshot);
            }
            if (events.Count == 0)
            {
                diff.Remove("e");
            }
        }
        return diff.ToJsonString();
    }

    public sealed record PageTokens(Uri Url, string Html, string ViewId, string Session, string Static, string CsrfToken, string Cookie);
}
