using Rekindle.Routing;

namespace Rekindle.Tests.Routing;

/// <summary>
/// Route matching of paths taken from client URLs (join url and redirect, live_patch): regressions
/// found by the afl++ fuzz target (fuzz/regressions/join-url-*, live-patch-escaped-nul), where a
/// hostile path threw out of the match and crashed the view instead of being refused.
/// </summary>
public sealed class LiveRouteTests
{
    private readonly LiveRouteTable _routes = new();

    public LiveRouteTests() => _routes.Add("/items/{id}", typeof(object), "default");

    [Theory]
    [InlineData("http://localhost/items/a%00b")]
    [InlineData("http://localhost/items%00")]
    [InlineData("hetp:o/localhost/items/1")]
    public void Match_PathFromHostileUrl_MatchesNoRoute(string url)
    {
        var path = new Uri(url).AbsolutePath;

        Assert.Null(_routes.Match(path, "default"));
        Assert.False(_routes.Find("/items/{id}")!.TryMatch(path, out _));
    }

    [Fact]
    public void Match_EscapedPath_MatchesWithTheDecodedValue()
    {
        var match = _routes.Match(new Uri("http://localhost/items/a%20b").AbsolutePath, "default");

        Assert.NotNull(match);
        Assert.Equal("a b", match.Value.Values["id"]);
    }
}
