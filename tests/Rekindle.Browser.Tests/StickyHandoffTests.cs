using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 20 item 3: a sticky view rendered again after a full page load in the same browser session
/// (a navigation into another route group, another tab) starts from the state its sticky view had last;
/// each page's sticky view then keeps its own state, so two tabs never overwrite each other.
/// </summary>
public sealed class StickyHandoffTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    private static async Task ClickIncAsync(IPage page, int expected)
    {
        await page.ClickAsync("#player-inc");
        await Assertions.Expect(page.Locator("#player-count")).ToHaveTextAsync(expected.ToString());
    }

    [Fact]
    public async Task StickyView_FullLoadIntoAnotherRouteGroup_KeepsItsCount()
    {
        await GotoLiveAsync("/test/sticky/first");
        for (var i = 1; i <= 3; i++)
        {
            await ClickIncAsync(Page, i);
        }
        var mounts = await Page.Locator("#player-mounts").InnerTextAsync();
        await MarkPageAsync();

        await Page.ClickAsync("#to-other-sticky-session");

        // As Phoenix: the join into another route group is refused and the client loads the page in full.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/sticky-other$"));
        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("other");
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__marker"));
        await Assertions.Expect(Page.Locator("#player-mounts")).Not.ToHaveTextAsync(mounts);
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("3");
        await ClickIncAsync(Page, 4);

        // Back in the first group, by another full load: the count made in the second comes along.
        await Page.ClickAsync("#to-first");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/sticky/first$"));
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task StickyView_TwoTabsOfOneBrowser_EachKeepsItsOwnCountAndTheLastChangeIsHandedOn()
    {
        var first = Page;
        await GotoLiveAsync("/test/sticky/first", first);
        await ClickIncAsync(first, 1);

        var second = await NewPageAsync();
        await GotoLiveAsync("/test/sticky/second", second);
        await Assertions.Expect(second.Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(second.Locator("#player-count")).ToHaveTextAsync("1");
        await ClickIncAsync(second, 2);

        // Each tab counts on from its own state, not from the other tab's.
        for (var i = 2; i <= 4; i++)
        {
            await ClickIncAsync(first, i);
        }
        await Assertions.Expect(second.Locator("#player-count")).ToHaveTextAsync("2");
        await second.EvaluateAsync("() => { window.__marker = 1; }");
        await second.EvaluateAsync("() => liveSocket.disconnect()");
        await Assertions.Expect(second.Locator("[data-phx-main]")).ToHaveClassAsync(new Regex(@"\bphx-client-error\b"));
        await second.EvaluateAsync("() => { document.querySelector('#player-count').textContent = 'stale'; }");
        await second.EvaluateAsync("() => liveSocket.connect()");
        await Assertions.Expect(second.Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(second.Locator("#player-count")).ToHaveTextAsync("2");
        Assert.Equal(1, await second.EvaluateAsync<int?>("() => window.__marker"));
        await Assertions.Expect(first.Locator("#player-count")).ToHaveTextAsync("4");

        // A page load takes the state of the sticky view that changed last: the first tab's.
        await first.ClickAsync("#to-other-sticky-session");
        await Assertions.Expect(first).ToHaveURLAsync(new Regex("/test/sticky-other$"));
        await Assertions.Expect(first.Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(first.Locator("#player-count")).ToHaveTextAsync("4");
        await Assertions.Expect(second.Locator("#player-count")).ToHaveTextAsync("2");
    }
}
