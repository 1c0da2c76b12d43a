using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// First mounts from strangers, as fast as they come: <c>sessions</c> browser sessions (cookies), each
/// loading <c>viewsPerSession</c> pages and joining them all on one socket, without waiting between
/// joins. Counts what the server answered: ok replies, error replies (each one would reload a stock
/// client's page), and sockets closed with 1012 (the client would reconnect and try again).
/// </summary>
public sealed partial class JoinFlood
{
    public int Ok { get; private set; }

    public int Errors { get; private set; }

    public int ClosedWith1012 { get; private set; }

    public int Unanswered { get; private set; }

    public static async Task<JoinFlood> RunAsync(Uri baseAddress, string path, int sessions, int viewsPerSession, TimeSpan wait)
    {
        var flood = new JoinFlood();
        var results = await Task.WhenAll(Enumerable.Range(0, sessions).Select(_ => OneSessionAsync(baseAddress, path, viewsPerSession, wait)));
        foreach (var (ok, errors, closed, unanswered) in results)
        {
            flood.Ok += ok;
            flood.Errors += errors;
            flood.ClosedWith1012 += closed ? 1 : 0;
            flood.Unanswered += unanswered;
        }
        return flood;
    }

    private static async Task<(int Ok, int Errors, bool Closed, int Unanswered)> OneSessionAsync(Uri baseAddress, string path, int views, TimeSpan wait)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
        var pages = new List<(string ViewId, string Session, string Static, string Csrf)>();
        for (var i = 0; i < views; i++)
        {
            var html = await http.GetStringAsync(path);
            pages.Add((Find(html, ViewIdPattern()), Find(html, SessionPattern()), Find(html, StaticPattern()), Find(html, CsrfPattern())));
        }
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookies.GetCookieHeader(baseAddress));
        var csrf = Uri.EscapeDataString(pages[0].Csrf);
        await socket.ConnectAsync(new UriBuilder(baseAddress) { Scheme = "ws", Path = "/live/websocket", Query = $"_csrf_token={csrf}&vsn=2.0.0" }.Uri, CancellationToken.None);
        for (var i = 0; i < pages.Count; i++)
        {
            var (viewId, session, staticToken, pageCsrf) = pages[i];
            var payload = new JsonObject
            {
                ["url"] = new Uri(baseAddress, path).ToString(),
                ["params"] = new JsonObject { ["_csrf_token"] = pageCsrf, ["_mounts"] = 0, ["_mount_attempts"] = 0 },
                ["session"] = session,
                ["static"] = staticToken,
            };
            var frame = new JsonArray($"{i}", $"{i}", "lv:" + viewId, "phx_join", payload).ToJsonString();
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        var (ok, errors) = (0, 0);
        using var deadline = new CancellationTokenSource(wait);
        var buffer = new byte[1 << 20];
        try
        {
            while (ok + errors < pages.Count)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), deadline.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (ok, errors, socket.CloseStatus == (WebSocketCloseStatus)1012, pages.Count - ok - errors);
                }
                var length = result.Count;
                while (!result.EndOfMessage)
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), deadline.Token);
                    length += result.Count;
                }
                var reply = JsonNode.Parse(buffer.AsSpan(0, length))!.AsArray();
                if (reply[3]!.GetValue<string>() == "phx_reply")
                {
                    _ = reply[4]!["status"]!.GetValue<string>() == "ok" ? ok++ : errors++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Still held when the wait ended.
        }
        return (ok, errors, false, pages.Count - ok - errors);
    }

    private static string Find(string html, Regex pattern) => pattern.Match(html).Groups[1].Value;

    [GeneratedRegex("<div id=\"([^\"]+)\" data-phx-main")]
    private static partial Regex ViewIdPattern();

    [GeneratedRegex("data-phx-session=\"([^\"]+)\"")]
    private static partial Regex SessionPattern();

    [GeneratedRegex("data-phx-static=\"([^\"]+)\"")]
    private static partial Regex StaticPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
