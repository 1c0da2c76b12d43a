using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
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
    public void Release_AfterTheSessionIsRead_DropsTheParsedTokenAndTheCookie()
    {
        var context = UpgradeContext();
        var session = UpgradeRequest.Session(context, _browserSession);

        UpgradeRequest.Release(context);

        Assert.Equal(SessionId, session.BrowserSessionId);
        Assert.Empty(context.Request.Query);
        Assert.Empty(context.Request.Cookies);
        Assert.Equal(0, context.Request.Headers.Cookie.Count);
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
