using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Rekindle.Hosting;

/// <summary>
/// Issues and verifies the tokens of the dead render (liveview-protocol.md §2.2) with ASP.NET Data
/// Protection: authenticated encryption, key ring shared by every node that shares the keys, expiry
/// checked by the time-limited protector.
/// </summary>
internal sealed class SessionTokens
{
    private readonly ITimeLimitedDataProtector _session;
    private readonly ITimeLimitedDataProtector _static;
    private readonly TimeSpan _lifetime;

    public SessionTokens(IDataProtectionProvider protection, IOptions<RekindleOptions> options)
    {
        _session = protection.CreateProtector("Rekindle.Session.v1").ToTimeLimitedDataProtector();
        _static = protection.CreateProtector("Rekindle.Static.v1").ToTimeLimitedDataProtector();
        _lifetime = options.Value.SessionTokenLifetime;
    }

    public string ProtectSession(SessionToken token) => _session.Protect(JsonSerializer.Serialize(token), _lifetime);

    /// <summary>The static token only repeats the view id: Phoenix checks that both tokens name the same view.</summary>
    public string ProtectStatic(string viewId) => _static.Protect(viewId, _lifetime);

    public bool TryReadSession(string? protectedToken, [NotNullWhen(true)] out SessionToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(protectedToken))
        {
            return false;
        }
        try
        {
            token = JsonSerializer.Deserialize<SessionToken>(_session.Unprotect(protectedToken, out _));
            return token is { Version: SessionToken.CurrentVersion };
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return false;
        }
    }

    public bool TryReadStatic(string? protectedToken, [NotNullWhen(true)] out string? viewId)
    {
        viewId = null;
        if (string.IsNullOrEmpty(protectedToken))
        {
            return false;
        }
        try
        {
            viewId = _static.Unprotect(protectedToken, out _);
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// A container id like Phoenix's: <c>phx-</c> and 6 random bytes, URL-safe (8 characters). It is
    /// the channel topic of every frame both ways, so it is kept short; it only needs to be unique
    /// within one browser session (snapshots are keyed by session and id, and the signed session
    /// token binds the id), where 48 random bits make a clash negligible.
    /// </summary>
    public static string NewViewId() => "phx-" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(6));
}
