using System.Net;
using System.Net.WebSockets;
using System.Security.Claims;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rekindle.Hosting;
using Rekindle.Runtime;
using Rekindle.Views;

namespace Rekindle.Testing;

/// <summary>
/// Who is browsing: one browser against an application hosted in memory, with its cookies, request
/// headers, signed-in user and the connect params its page passes to the live socket. Every page it
/// mounts shares them, as the tabs of one browser do.
/// </summary>
/// <remarks>
/// The GET of a page and the WebSocket upgrade both carry the cookies (kept from every response),
/// the headers and the user. A user set with <see cref="WithUser(Claim[])"/> is the request's
/// <c>HttpContext.User</c> before the app's middleware runs; an authentication middleware that finds
/// no credentials of its own leaves it, so views, on-mount hooks and authorization policies see it.
/// Not thread-safe while being configured; mount from one test at a time.
/// </remarks>
/// <example><code>
/// var browser = LiveTest.Browser(app)
///     .WithUser(new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.Role, "admin"))
///     .WithHeader("Accept-Language", "fr-FR")
///     .WithConnectParam("tz", "Europe/Paris");
/// await using var view = await browser.MountAsync&lt;AdminLive&gt;("/admin");
/// </code></example>
public sealed class LiveBrowser
{
    private const string SocketPath = Rekindle.Hosting.LiveSocketEndpoint.Path;
    private const string SerializerVersion = "2.0.0";
    private readonly CookieContainer _cookies = new();
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _connectParams = new(StringComparer.Ordinal);
    private TestServer _server;

    /// <summary>A fresh browser (no cookies, anonymous) for <paramref name="server"/>.</summary>
    public LiveBrowser(TestServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
    }

    /// <summary>The user every request of this browser carries, or <see langword="null"/> for what the app's own authentication decides.</summary>
    public ClaimsPrincipal? User { get; private set; }

    internal TestServer Server => _server;

    internal IReadOnlyDictionary<string, object?> ConnectParams => _connectParams;

    /// <summary>Signs in as a user with these claims (authentication type "Test"), on every request from now on.</summary>
    public LiveBrowser WithUser(params Claim[] claims) => WithUser(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")));

    /// <summary>Signs in as <paramref name="user"/> on every request from now on.</summary>
    public LiveBrowser WithUser(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        User = user;
        return this;
    }

    /// <summary>Sends a request header with every request (the page's GET and the socket upgrade).</summary>
    public LiveBrowser WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _headers[name] = value;
        return this;
    }

    /// <summary>Sets a cookie for the whole site, as if an earlier response had set it.</summary>
    public LiveBrowser WithCookie(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _cookies.Add(_server.BaseAddress, new Cookie(name, value, "/"));
        return this;
    }

    /// <summary>
    /// Adds a value the page passes to <c>new LiveSocket(…, {params})</c>; views read it in
    /// <see cref="MountContext.ConnectParams"/>. The client's own keys (<c>_mounts</c>…) are set by the test client.
    /// </summary>
    public LiveBrowser WithConnectParam(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('_'))
        {
            throw new ArgumentException($"Connect params starting with '_' are the client's own (_csrf_token, _mounts…); got '{name}'.", nameof(name));
        }
        _connectParams[name] = value;
        return this;
    }

    /// <summary>The value of a cookie this browser holds for the site, or <see langword="null"/>.</summary>
    public string? GetCookie(string name) => _cookies.GetCookies(_server.BaseAddress)[name]?.Value;

    /// <summary>
    /// GETs <paramref name="path"/> (keeping the cookies it sets, e.g. a sign-in endpoint's) and
    /// returns the response, which the caller disposes. Redirects are not followed.
    /// </summary>
    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SendAsync(HttpMethod.Get, path, content: null, cancellationToken);
    }

    internal async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var url = new Uri(_server.BaseAddress, path);
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (_cookies.GetCookieHeader(url) is { Length: > 0 } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var client = new HttpClient(_server.CreateHandler(ApplyUser)) { BaseAddress = _server.BaseAddress };
        var response = await client.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(url, setCookie);
            }
        }
        return response;
    }

    /// <summary>
    /// GETs <paramref name="path"/>, checks that it renders <typeparamref name="TView"/>, and joins it
    /// over the in-memory socket with this browser's cookies, headers, user and connect params.
    /// </summary>
    /// <exception cref="LiveViewTestException">The page redirected, is no live view of that type, or the join was refused.</exception>
    public async Task<LiveViewTest> MountAsync<TView>(string path, CancellationToken cancellationToken = default)
        where TView : LiveView
    {
        var outcome = await TryMountAsync<TView>(path, cancellationToken);
        return outcome.View ?? throw new LiveViewTestException($"Mounting {path} navigated away ({outcome.Redirect!.Kind} to {outcome.Redirect.To}); use TryMountAsync to assert on the redirect."); // no view means a redirect
    }

    /// <summary>
    /// As <see cref="MountAsync{TView}"/>, but a mount that navigates away (a 302 of the page, or a
    /// join answered with a redirect) is returned instead of thrown, as Phoenix's
    /// <c>{:error, {:redirect, …}} = live(conn, path)</c>.
    /// </summary>
    public async Task<LiveMount> TryMountAsync<TView>(string path, CancellationToken cancellationToken = default)
        where TView : LiveView
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (page, redirect) = await GetPageAsync(path, cancellationToken);
        if (page is null)
        {
            return new LiveMount(null, redirect);
        }
        var viewType = LiveTest.ViewTypeOf(_server.Services, page);
        if (viewType != typeof(TView))
        {
            throw new LiveViewTestException($"GET {path} renders {viewType?.Name ?? "an unknown view"}; expected {typeof(TView).Name}.");
        }
        return await LiveViewTest.JoinAsync(this, page, cancellationToken);
    }

    /// <summary>Points this browser at a restarted application (same address, a new server), as a browser whose server came back.</summary>
    internal void MoveTo(TestServer server) => _server = server;

    internal async Task<(DeadPage? Page, LiveNavigation? Redirect)> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await GetAsync(path, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            // A redirecting dead render leaves its flash in the cookie the next page reads (and deletes).
            var flashToken = GetCookie(FlashTokens.CookieName);
            return (null, new LiveNavigation(LiveNavigationKind.Redirect, location.OriginalString, Replace: false) { Flash = ReadFlash(flashToken), FlashToken = flashToken });
        }
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LiveViewTestException($"GET {path} answered {(int)response.StatusCode} {response.StatusCode}, expected 200 with a live view:\n{Shorten(html)}");
        }
        var url = new Uri(_server.BaseAddress, path);
        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var container = document.QuerySelector("[data-phx-main]")
            ?? throw new LiveViewTestException($"GET {path} returned a page without a live view (no element with data-phx-main):\n{Shorten(html)}");
        var csrf = document.QuerySelector("meta[name=csrf-token]")?.GetAttribute("content")
            ?? throw new LiveViewTestException($"GET {path} returned a page without <meta name=\"csrf-token\">; the socket would refuse every join.");
        var staticToken = container.GetAttribute("data-phx-static");
        return (new DeadPage(
            url,
            html,
            container.Id ?? throw new LiveViewTestException($"The live view container of {path} has no id."),
            container.GetAttribute("data-phx-session") ?? "",
            string.IsNullOrEmpty(staticToken) ? null : staticToken,
            csrf), null);
    }

    /// <summary>Opens the live socket as the page's script would, with its CSRF token and this browser's cookies, headers and user.</summary>
    internal async Task<WebSocket> ConnectAsync(DeadPage page, CancellationToken cancellationToken)
    {
        var client = _server.CreateWebSocketClient();
        var cookie = _cookies.GetCookieHeader(_server.BaseAddress);
        var origin = _server.BaseAddress.GetLeftPart(UriPartial.Authority);
        client.ConfigureRequest = request =>
        {
            foreach (var (name, value) in _headers)
            {
                request.Headers[name] = value;
            }
            request.Headers.Cookie = cookie;
            request.Headers.Origin = origin;
            ApplyUser(request.HttpContext);
        };
        var socketUrl = new UriBuilder(_server.BaseAddress)
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

    internal static LiveBrowser For(IHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new LiveBrowser(ServerOf(app));
    }

    internal static TestServer ServerOf(IHost app) =>
        app.Services.GetRequiredService<IServer>() as TestServer
        ?? throw new InvalidOperationException("LiveTest needs the application to run on the in-memory TestServer: call builder.WebHost.UseTestServer() before Build(), then StartAsync().");

    /// <summary>The flash messages in a navigation's flash token, as the next page will show them.</summary>
    internal IReadOnlyDictionary<string, string> ReadFlash(string? token) =>
        _server.Services.GetRequiredService<FlashTokens>().Read(token, GetCookie(BrowserSession.CookieName) ?? "") ?? new Dictionary<string, string>();

    private void ApplyUser(HttpContext context)
    {
        if (User is { } user)
        {
            context.User = user;
        }
    }

    private static string Shorten(string html) => html.Length <= 2000 ? html : html[..2000] + "…";
}
