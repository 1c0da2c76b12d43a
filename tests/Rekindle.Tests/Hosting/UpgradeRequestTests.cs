using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Rekindle.Hosting;

namespace Rekindle.Tests.Hosting;

/// <summary>
/// Issue 23: what a WebSocket keeps of its upgrade request. Kestrel holds the request's context until
/// the socket closes, so what the socket reads from it once must not stay parsed in it.
/// </summary>
public sealed class UpgradeRequestTests
{
    private readonly BrowserSession _browserSession = new(new EphemeralDataProtectionProvider());

    [Fact]
    public void Session_WithoutAuthentication_CreatesAndKeepsNoPrincipal()
    {
        var context = UpgradeContext();

        var session = UpgradeRequest.Session(context, _browserSession);

        Assert.Null(session.Principal);
        Assert.Null(context.Features.Get<IHttpAuthenticationFeature>());
        Assert.False(session.User.Identity!.IsAuthenticated); // an anonymous identity, as HttpContext.User gives without authentication
    }

    [Fact]
    public void Session_AuthenticatedUser_IsKept()
    {
        var context = UpgradeContext();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));
        context.User = user;

        var session = UpgradeRequest.Session(context, _browserSession);

        Assert.Same(user, session.User);
    }

    [Fact]
    public void Session_ReadsTheTokenAndTheCookie_WithoutParsingTheRequestsQueryOrCookies()
    {
        var context = UpgradeContext();

        var session = UpgradeRequest.Session(context, _browserSession);

        Assert.Equal(SessionId, session.BrowserSessionId);
        // What Request.Query and Request.Cookies would have parsed and kept for the socket's life.
        Assert.Null(context.Features.Get<IQueryFeature>());
        Assert.Null(context.Features.Get<IRequestCookiesFeature>());
        Assert.Equal("2.0.0", UpgradeRequest.Query(context.Request, "vsn"));
    }

    [Fact]
    public void Cookie_AmongOthersAndAMalformedOne_IsFound()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Cookie = $"theme=dark; broken\"=x; {BrowserSession.CookieName}={SessionId}; other=1";

        Assert.Equal(SessionId, UpgradeRequest.Cookie(request, BrowserSession.CookieName));
        Assert.Null(UpgradeRequest.Cookie(request, "missing"));
    }

    private const string SessionId = "abcdefghijklmnopqrstuvwx";

    private DefaultHttpContext UpgradeContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{BrowserSession.CookieName}={SessionId}";
        context.Request.QueryString = QueryString.Create([new KeyValuePair<string, string?>("_csrf_token", _browserSession.CsrfToken(SessionId)), new KeyValuePair<string, string?>("vsn", "2.0.0")]);
        return context;
    }
}
