using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Primitives;
using Rekindle.Runtime;

namespace Rekindle.Hosting;

/// <summary>
/// What a socket keeps of the HTTP request that opened it. Kestrel holds a WebSocket's
/// <see cref="HttpContext"/> until the socket closes, with everything parsed from it: the socket takes
/// what it needs into its <see cref="SocketSession"/> and lets the rest go.
/// </summary>
internal static class UpgradeRequest
{
    /// <summary>The browser session, user, address and trace context of the socket <paramref name="context"/> opens.</summary>
    public static SocketSession Session(HttpContext context, BrowserSession browserSession) =>
        new(browserSession.Verify(context), User(context), context.Connection.RemoteIpAddress?.ToString() ?? "", Activity.Current?.Context ?? default);

    /// <summary>
    /// Drops the CSRF token and the session cookie (read by <see cref="Session"/>, never again) from a
    /// WebSocket's request: the query and the cookies as parsed, and the <c>Cookie</c> header they came
    /// from, a few hundred bytes per idle socket. (Kestrel keeps its own copy of the request target.)
    /// </summary>
    public static void Release(HttpContext context)
    {
        // The setter also empties the raw query string.
        context.Request.Query = QueryCollection.Empty;
        context.Request.Headers.Cookie = StringValues.Empty;
        // Reading the cookies again parses the now empty header: the parsed collection is let go.
        _ = context.Request.Cookies;
    }

    /// <summary>
    /// The authenticated user; <see langword="null"/> when no authentication ran, without creating the
    /// empty principal that <c>HttpContext.User</c> would create and keep for the socket's life.
    /// </summary>
    private static ClaimsPrincipal? User(HttpContext context) => context.Features.Get<IHttpAuthenticationFeature>()?.User;
}
