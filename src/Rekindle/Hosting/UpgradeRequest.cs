using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Rekindle.Runtime;

namespace Rekindle.Hosting;

/// <summary>
/// What a socket keeps of the HTTP request that opened it. Kestrel holds a WebSocket's
/// <see cref="HttpContext"/> until the socket closes, with whatever was parsed from it through its
/// features (<c>Request.Query</c>, <c>Request.Cookies</c>, <c>User</c>): the socket reads what it needs
/// without going through them, so an idle socket keeps no parsed copy of the CSRF token or the cookies.
/// The app can still read them (through <c>IHttpContextAccessor</c>); they are parsed then.
/// </summary>
internal static class UpgradeRequest
{
    /// <summary>The browser session, user, address and trace context of the socket <paramref name="context"/> opens.</summary>
    public static SocketSession Session(HttpContext context, BrowserSession browserSession) =>
        new(browserSession.Verify(context), User(context), context.Connection.RemoteIpAddress?.ToString() ?? "", Activity.Current?.Context ?? default);

    /// <summary>The first value of the query parameter <paramref name="name"/>, or an empty string.</summary>
    public static string Query(HttpRequest request, string name) =>
        QueryHelpers.ParseNullableQuery(request.QueryString.Value) is { } query && query.TryGetValue(name, out var value) ? value.ToString() : "";

    /// <summary>The value of the cookie <paramref name="name"/>, or <see langword="null"/>.</summary>
    public static string? Cookie(HttpRequest request, string name)
    {
        if (!CookieHeaderValue.TryParseList(request.Headers.Cookie, out var cookies))
        {
            return null;
        }
        foreach (var cookie in cookies)
        {
            if (cookie.Name.Equals(name, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(cookie.Value.ToString());
            }
        }
        return null;
    }

    /// <summary>
    /// The authenticated user; <see langword="null"/> when no authentication ran, without creating the
    /// empty principal that <c>HttpContext.User</c> would create and keep for the socket's life.
    /// </summary>
    private static ClaimsPrincipal? User(HttpContext context) => context.Features.Get<IHttpAuthenticationFeature>()?.User;
}
