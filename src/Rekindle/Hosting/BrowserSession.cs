using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Rekindle.Hosting;

/// <summary>
/// The browser session and its CSRF token, as Phoenix's socket expects (docs/protocol.md §1.1):
/// an HttpOnly cookie holds a random session id; the page's <c>csrf-token</c> meta tag holds that id,
/// protected. The WebSocket upgrade must present the token in <c>_csrf_token</c>, and it must open to
/// the id in the cookie the browser sent with the upgrade; a cross-site page can read neither.
/// </summary>
internal sealed class BrowserSession(IDataProtectionProvider protection)
{
    public const string CookieName = "rekindle.sid";
    private readonly IDataProtector _csrf = protection.CreateProtector("Rekindle.Csrf.v1");

    /// <summary>Returns the request's browser session id, creating the cookie when there is none.</summary>
    public string GetOrCreate(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var existing) && IsWellFormed(existing))
        {
            return existing;
        }
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
        return id;
    }

    public string CsrfToken(string browserSessionId) => _csrf.Protect(browserSessionId);

    /// <summary>The browser session the upgrade request proved with its cookie and CSRF token, or <see langword="null"/>.</summary>
    public string? Verify(HttpContext context)
    {
        // Not through Request.Cookies and Request.Query: a WebSocket's request would keep them parsed (UpgradeRequest).
        var cookie = UpgradeRequest.Cookie(context.Request, CookieName);
        if (cookie is null || !IsWellFormed(cookie))
        {
            return null;
        }
        var token = UpgradeRequest.Query(context.Request, "_csrf_token");
        if (token.Length == 0)
        {
            return null;
        }
        try
        {
            return CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(_csrf.Unprotect(token)),
                System.Text.Encoding.UTF8.GetBytes(cookie)) ? cookie : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private static bool IsWellFormed(string? id) => id is { Length: 24 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
