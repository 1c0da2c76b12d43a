using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class OnMountTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Anonymous_DeadRenderIsRedirected_ToThePageTheHookNames_WithItsFlash()
    {
        var response = await Page.GotoAsync(Fixture.Url("/test/guarded").ToString());

        Assert.NotNull(response);
        var first = response.Request.RedirectedFrom;
        Assert.NotNull(first);
        Assert.Equal(302, (await first.ResponseAsync())?.Status);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#flash-error")).ToHaveTextAsync("Admins only.");
    }

    [Fact]
    public async Task Admin_Mounts_AndAfterLogoutTheReconnectingMountIsRedirected()
    {
        await Page.GotoAsync(Fixture.Url("/test/login?role=admin").ToString());
        await GotoLiveAsync("/test/guarded");
        await Assertions.Expect(Page.Locator("#welcome")).ToHaveTextAsync("Welcome tester");
        await Assertions.Expect(Page.Locator("#checked-by")).ToHaveTextAsync("lambda hook");

        await Page.EvaluateAsync("() => { liveSocket.disconnect(); }");
        var session = (await Context.CookiesAsync()).Where(cookie => cookie.Name == "rekindle.sid").ToList();
        await Context.ClearCookiesAsync();
        await Context.AddCookiesAsync(session.Select(cookie => new Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path }));
        await Page.EvaluateAsync("() => { liveSocket.connect(); }");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash$"));
        await Assertions.Expect(Page.Locator("#flash-error")).ToHaveTextAsync("Admins only.");
    }
}
