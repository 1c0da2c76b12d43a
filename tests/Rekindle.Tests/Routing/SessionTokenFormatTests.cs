using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;

namespace Rekindle.Tests.Hosting;

/// <summary>
/// The session token rides in every join frame: a routed view's token holds only what a routed view
/// needs, and a nested view's token keeps every field through the round trip.
/// </summary>
public sealed class SessionTokenFormatTests
{
    private readonly EphemeralDataProtectionProvider _protection = new();

    [Fact]
    public void RoutedViewToken_LeavesOutNestedFieldsAndTheComputedKey()
    {
        var tokens = new SessionTokens(_protection, Options.Create(new RekindleOptions()));

        var json = _protection.CreateProtector("Rekindle.Session.v1").ToTimeLimitedDataProtector()
            .Unprotect(tokens.ProtectSession(new SessionToken(SessionToken.CurrentVersion, "v1234567", "/counter", "default", "browser")), out _);

        Assert.DoesNotContain("ChildType", json);
        Assert.DoesNotContain("\"Key\"", json);
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void NestedViewToken_RoundTripsEveryField()
    {
        var tokens = new SessionTokens(_protection, Options.Create(new RekindleOptions()));
        var token = new SessionToken(SessionToken.CurrentVersion, "c7654321", "/page", "default", "browser")
        {
            ChildType = "App.Child, App",
            ParentId = "v1234567",
            StateKey = "v1234567/c7654321",
            Session = new Dictionary<string, string> { ["room"] = "7" },
            Url = "http://localhost/page",
        };

        Assert.True(tokens.TryReadSession(tokens.ProtectSession(token), out var read));
        Assert.Equal((token.ChildType, token.ParentId, token.Key, token.Url), (read.ChildType, read.ParentId, read.Key, read.Url));
        Assert.Equal("7", read.Session!["room"]);
    }
}
