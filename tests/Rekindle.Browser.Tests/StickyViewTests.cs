using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A route group's own layout, route containers and a sticky view rendered from the layout
/// (/test/sticky/*, docs/protocol.md §2.5, §8.3): the sticky view keeps its state, its mount and its
/// topic while live navigation replaces the main view, and comes back after a dropped socket.
/// </summary>
public sealed class StickyViewTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task DeadRender_RouteGroupLayoutAndRouteContainer_WrapViewAndStickyView()
    {
        var dead = await (await Page.APIRequest.GetAsync(Fixture.Url("/test/sticky/first").ToString())).TextAsync();
        Assert.Contains("<body data-root-layout=\"sticky\">", dead);
        Assert.Matches("<section id=\"[A-Za-z0-9]{8}\" data-phx-main data-phx-session=\"[^\"]+\" data-phx-static=\"[^\"]+\" class=\"first-page\" data-kind=\"a &quot;first&quot; page\"><header id=\"sticky-layout\"><div id=\"player\" data-phx-session=\"[^\"]+\" data-phx-static=\"[^\"]+\" data-phx-sticky>", dead);
        Assert.Matches("<span id=\"player-count\">0</span>", dead);
        Assert.Matches("<div id=\"sticky-content\"><h1 id=\"page-name\">first</h1>", dead);
        Assert.DoesNotContain("data-phx-parent-id", dead);

        var otherGroup = await (await Page.APIRequest.GetAsync(Fixture.Url("/test/nested").ToString())).TextAsync();
        Assert.DoesNotContain("sticky-layout", otherGroup);
        Assert.Contains("<body>", otherGroup);
        Assert.Matches("<div id=\"[A-Za-z0-9]{8}\" data-phx-main data-phx-session=\"[^\"]+\" data-phx-static=\"[^\"]+\">", otherGroup);
    }

    [Fact]
    public async Task StickyView_LiveNavigationBetweenViews_KeepsCountMountAndTopic()
    {
        await GotoLiveAsync("/test/sticky/first");
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        await MarkPageAsync();
        var mounts = await Page.Locator("#player-mounts").InnerTextAsync();
        await Page.ClickAsync("#player-inc");
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2");

        await Page.ClickAsync("#to-second");

        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("second");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/sticky/second$"));
        // The client keeps the first view's element and takes the new route's attributes from the join reply.
        await Assertions.Expect(Page.Locator("section[data-phx-main].second-page")).ToHaveCountAsync(1);
        Assert.Null(await Main.GetAttributeAsync("data-kind"));
        await Assertions.Expect(Page.Locator("[data-phx-main] #sticky-layout #player")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#player-mounts")).ToHaveTextAsync(mounts);
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("3");

        await Page.ClickAsync("#to-third");

        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("third");
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("4");
        await Assertions.Expect(Page.Locator("#player-mounts")).ToHaveTextAsync(mounts);
        Assert.Equal(1, (await TopicsAsync()).Count(topic => topic == "lv:player"));
        await Assertions.Expect(Page.Locator("[data-phx-main] #sticky-layout #player")).ToHaveCountAsync(1);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StickyView_PushNavigate_MovesTheMainViewAndStays()
    {
        await GotoLiveAsync("/test/sticky/first");
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        await MarkPageAsync();
        var mounts = await Page.Locator("#player-mounts").InnerTextAsync();
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("1");

        await Page.ClickAsync("#player-to-third");

        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("third");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/sticky/third$"));
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#player-mounts")).ToHaveTextAsync(mounts);
        Assert.Equal(1, (await TopicsAsync()).Count(topic => topic == "lv:player"));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StickyView_SocketDropAfterNavigation_RejoinsWithItsCount()
    {
        await GotoLiveAsync("/test/sticky/first");
        await MarkPageAsync();
        await Page.ClickAsync("#to-second");
        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("second");
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#page-inc");
        await Assertions.Expect(Page.Locator("#page-clicks")).ToHaveTextAsync("1");
        var mounts = int.Parse(await Page.Locator("#player-mounts").InnerTextAsync());

        await DropSocketAsync(() => Page.EvaluateAsync("() => { document.querySelector('#player-count').textContent = 'stale'; }"));

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        // A new mount (the number grows) whose count can only come from the snapshot.
        await Assertions.Expect(Page.Locator("#player-mounts")).Not.ToHaveTextAsync(mounts.ToString());
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#page-clicks")).ToHaveTextAsync("1");
        await Page.ClickAsync("#player-inc");
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StickyView_NavigationToAnotherRouteGroup_LoadsThePageInFull()
    {
        await GotoLiveAsync("/test/sticky/first");
        await MarkPageAsync();

        await Page.ClickAsync("#to-other-session");

        // As Phoenix: the join is refused (unauthorized) and the client loads the URL, with that group's layout.
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/nested$"));
        await Assertions.Expect(Page.Locator("#left")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#sticky-layout")).ToHaveCountAsync(0);
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__marker"));
    }

    private Task<string[]> TopicsAsync() =>
        Page.EvaluateAsync<string[]>("() => liveSocket.socket.channels.filter(c => c.state !== 'closed' && c.state !== 'leaving').map(c => c.topic)");
}
