using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rekindle.Runtime;

/// <summary>
/// Carries a view's flash to the next page (docs/protocol.md §6, §8.3): a token in the
/// <c>redirect</c>/<c>live_redirect</c> payloads that the client gives back in the next join's
/// <c>flash</c>, or puts in the <c>__phoenix_flash__</c> cookie that the next dead render reads.
/// Protected with Data Protection like the session tokens, bound to the browser session, and
/// short-lived (60 s, as Phoenix), since it only has to survive one navigation.
/// </summary>
internal sealed partial class FlashTokens(IDataProtectionProvider protection, ILogger<FlashTokens> logger)
{
    /// <summary>The cookie the client sets from a redirect's flash (<c>LV browser.ts</c> redirect).</summary>
    public const string CookieName = "__phoenix_flash__";

    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Rekindle.Flash.v1").ToTimeLimitedDataProtector();

    /// <summary>The token for <paramref name="flash"/>, or <see langword="null"/> when there is nothing to carry.</summary>
    public string? Protect(IReadOnlyDictionary<string, string> flash, string browserSessionId) =>
        flash.Count == 0 ? null : _protector.Protect(JsonSerializer.Serialize(new Payload(browserSessionId, flash)), Lifetime);

    /// <summary>
    /// The flash in <paramref name="token"/>; <see langword="null"/> when there is no token, and also
    /// when it is forged, expired or from another browser session (logged: the page shows no flash).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Read(string? token, string browserSessionId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            if (JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token, out _)) is { } payload
                && string.Equals(payload.S, browserSessionId, StringComparison.Ordinal)
                && payload.F is not null)
            {
                return payload.F;
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
        }
        Log.FlashRefused(logger);
        return null;
    }

    /// <summary>Reads the flash cookie a redirect left (if any) and deletes it, so it shows once.</summary>
    public IReadOnlyDictionary<string, string>? TakeFromCookie(HttpContext context, string browserSessionId)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token))
        {
            return null;
        }
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        return Read(token, browserSessionId);
    }

    /// <summary>Leaves the flash for the page a dead render redirects to.</summary>
    public void PutCookie(HttpContext context, IReadOnlyDictionary<string, string> flash, string browserSessionId)
    {
        if (Protect(flash, browserSessionId) is { } token)
        {
            // Not HttpOnly: the client writes this same cookie from script after a connected
            // redirect, and a script cannot overwrite an HttpOnly cookie that is still there.
            context.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                Path = "/",
                MaxAge = Lifetime,
                HttpOnly = false,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
        }
    }

    private sealed record Payload(string S, IReadOnlyDictionary<string, string>? F);

    private static partial class Log
    {
        [LoggerMessage(6701, LogLevel.Warning, "A flash token was refused (forged, expired, or issued to another browser session); the page shows no flash.", EventName = nameof(FlashRefused))]
        public static partial void FlashRefused(ILogger logger);
    }
}
