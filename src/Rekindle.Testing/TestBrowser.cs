using System.Net;
using System.Net.WebSockets;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.TestHost;

namespace Rekindle.Testing;

/// <summary>The dead render of a live page: what the client reads before it joins (liveview-protocol.md §2).</summary>
internal sealed record DeadPage(Uri Url, string Html, string ViewId, string Session, string? Static, string CsrfToken);

/// <summary>
/// What a browser tab does for a live page, against an in-memory <see cref="TestServer"/>: the GET
/// (keeping cookies, so the browser session and CSRF token match), then the WebSocket upgrade to
/// <c>/live/websocket</c> with the page's CSRF token and those cookies. No port, no socket.
/// </summary>
internal sealed class TestBrowser(TestServer server)
{
    private const string SocketPath = Rekindle.Hosting.LiveSocketEndpoint.Path;
    private const string SerializerVersion = "2.0.0";
    private readonly CookieContainer _cookies = new();

    public TestServer Server => server;

    public async Task<DeadPage> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        var url = new Uri(server.BaseAddress, path);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_cookies.GetCookieHeader(url) is { Length: > 0 } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(url, setCookie);
            }
        }
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var location = response.Headers.Location is { } to ? $" to {to}" : "";
            throw new LiveViewTestException($"GET {path} answered {(int)response.StatusCode} {response.StatusCode}{location}, expected 200 with a live view:\n{Shorten(html)}");
        }
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var container = document.QuerySelector("[data-phx-main]")
            ?? throw new LiveViewTestException($"GET {path} returned a page without a live view (no element with data-phx-main):\n{Shorten(html)}");
        var csrf = document.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content")
            ?? throw new LiveViewTestException($"GET {path} returned a page without <meta name=\"csrf-token\">; the socket would refuse every join.");
        var staticToken = container.GetAttribute("data-phx-static");
        return new DeadPage(
            url,
            html,
            container.Id ?? throw new LiveViewTestException($"The live view container of {path} has no id."),
            container.GetAttribute("data-phx-session") ?? "",
            string.IsNullOrEmpty(staticToken) ? null : staticToken,
            csrf);
    }

    /// <summary>Opens the live socket as the page's script would, with its CSRF token and this browser's cookies.</summary>
    public async Task<WebSocket> ConnectAsync(DeadPage page, CancellationToken cancellationToken)
    {
        var client = server.CreateWebSocketClient();
        var cookie = _cookies.GetCookieHeader(page.Url);
        client.ConfigureRequest = request =>
        {
            request.Headers.Cookie = cookie;
            request.Headers.Origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        };
        var socketUrl = new UriBuilder(server.BaseAddress)
        {
            Scheme = "ws",
            Path = SocketPath,
            Query = $"_csrf_token={Uri.EscapeDataString(page.CsrfToken)}&vsn={SerializerVersion}",
        }.Uri;
        try
        {
            return await client.ConnectAsync(socketUrl, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new LiveViewTestException($"The WebSocket upgrade to {SocketPath} failed: {exception.Message}", exception);
        }
    }

    private static string Shorten(string html) => html.Length <= 2000 ? html : html[..2000] + "…";
}
