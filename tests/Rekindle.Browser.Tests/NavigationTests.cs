using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class NavigationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task PatchLinksPushPatchAndBack_ChangeUrlAndParams_WithoutReload()
    {
        await GotoLiveAsync("/test/pages/1");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#patch-link");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/3$"));
        await Assertions.Expect(Page).ToHaveTitleAsync("Page 3");

        await Page.ClickAsync("#next");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("4");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/4$"));

        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/3$"));
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
    }

    [Fact]
    public async Task NavigateLinkAndPushNavigate_MountAnotherViewWithoutReload_BackReturns()
    {
        await GotoLiveAsync("/test/pages/1");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#navigate-link");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/counter$"));
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("0");
        await Page.ClickAsync("#inc");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("1");

        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await Page.ClickAsync("#go-counter");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/counter$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
    }

    [Fact]
    public async Task Redirect_LoadsTheTargetPage()
    {
        await GotoLiveAsync("/test/pages/1");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#leave");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/seed$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__marker"));
    }
}
