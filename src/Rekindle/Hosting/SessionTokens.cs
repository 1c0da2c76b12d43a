using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Rekindle.Hosting;

/// <summary>
/// Issues and verifies the tokens of the dead render (docs/protocol.md §2.2) with ASP.NET Data
/// Protection: authenticated encryption, key ring shared by every node that shares the keys, expiry
/// checked by the time-limited protector.
/// </summary>
internal sealed class SessionTokens
{
    /// <summary>A routed view's token leaves the nested-view fields out: the page carries it in every join.</summary>
    private static readonly JsonSerializerOptions TokenJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly ITimeLimitedDataProtector _session;
    private readonly ITimeLimitedDataProtector _static;
    private readonly TimeSpan _lifetime;

    public SessionTokens(IDataProtectionProvider protection, IOptions<RekindleOptions> options)
    {
        _session = protection.CreateProtector("Rekindle.Session.v1").ToTimeLimitedDataProtector();
        _static = protection.CreateProtector("Rekindle.Static.v1").ToTimeLimitedDataProtector();
        _lifetime = options.Value.SessionTokenLifetime;
    }

    public string ProtectSession(SessionToken token) => _session.Protect(JsonSerializer.Serialize(token, TokenJson), _lifetime);

    /// <summary>
    /// The static token repeats the view id (Phoenix checks that both tokens name the same view) and
    /// holds the flash the dead render showed, for the first connected mount (§3.3 step 5). Without a
    /// flash it is the bare view id, as before flash existed.
    /// </summary>
    public string ProtectStatic(string viewId, IReadOnlyDictionary<string, string>? flash = null) =>
        _static.Protect(flash is { Count: > 0 } ? JsonSerializer.Serialize(new StaticToken(viewId, flash)) : viewId, _lifetime);

    public bool TryReadSession(string? protectedToken, [NotNullWhen(true)] out SessionToken? token)
    {
        token = null;
        if (string.IsNullOrEmpty(protectedToken))
        {
            return false;
        }
        try
        {
            token = JsonSerializer.Deserialize<SessionToken>(_session.Unprotect(protectedToken, out _), TokenJson);
            return token is { Version: SessionToken.CurrentVersion };
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return false;
        }
    }

    public bool TryReadStatic(string? protectedToken, [NotNullWhen(true)] out string? viewId, out IReadOnlyDictionary<string, string>? flash)
    {
        viewId = null;
        flash = null;
        if (string.IsNullOrEmpty(protectedToken))
        {
            return false;
        }
        try
        {
            var content = _static.Unprotect(protectedToken, out _);
            if (!content.StartsWith('{'))
            {
                viewId = content;
                return true;
            }
            if (JsonSerializer.Deserialize<StaticToken>(content) is not { ViewId: { } id } token)
            {
                return false;
            }
            (viewId, flash) = (id, token.Flash);
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return false;
        }
    }

    private sealed record StaticToken(string? ViewId, IReadOnlyDictionary<string, string>? Flash);

    /// <summary>
    /// A container id: a letter and 7 letters or digits (about 47 random bits), valid as an HTML id and
    /// a CSS selector. It is the channel topic of every frame both ways, so it is kept shorter than
    /// Phoenix's <c>phx-</c> ids; it only needs to be unique within one browser session (snapshots are
    /// keyed by session and id, and the signed session token binds the id), where a clash is negligible.
    /// </summary>
    public static string NewViewId() =>
        RandomNumberGenerator.GetString(Letters, 1) + RandomNumberGenerator.GetString(LettersAndDigits, 7);

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string LettersAndDigits = Letters + "0123456789";
}
