using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The client's <c>phx:navigate</c> and <c>phx:before-navigate</c> events, history replacement and
/// scroll restoration over live patches, live navigation and back/forward, as Phoenix's navigation spec
/// checks them, against LongListLive at /test/parity/long-list and PagesLive.
/// </summary>
public sealed partial class NavigateEventTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/long-list";
    private readonly ConcurrentQueue<string> _documentRequests = new();
    private readonly ConcurrentQueue<string> _sentFrames = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Page.Request += (_, request) =>
        {
            if (request.ResourceType == "document")
            {
                _documentRequests.Enqueue(request.Url);
            }
        };
        Page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) => _sentFrames.Enqueue(frame.Text ?? "");
    }

    [GeneratedRegex(@"\bphx-connected\b")]
    private static partial Regex Connected();

    private string Href(string path) => Fixture.Url(path).ToString();

    private Task RecordNavigateEventsAsync(bool preventBefore = false) => Page.EvaluateAsync(
        """
        prevent => {
          const line = d => `${d.href}|patch=${d.patch}|pop=${d.pop}|${d.direction}`;
          window.navigateEvents = [];
          window.beforeNavigateEvents = [];
          window.preventNavigation = prevent;
          window.addEventListener('phx:navigate', e => window.navigateEvents.push(line(e.detail)));
          window.addEventListener('phx:before-navigate', e => {
            window.beforeNavigateEvents.push(line(e.detail));
            if (window.preventNavigation) e.preventDefault();
          });
        }
        """, preventBefore);

    private Task<string[]> NavigateEventsAsync() => Page.EvaluateAsync<string[]>("() => window.navigateEvents");

    private Task<string[]> BeforeNavigateEventsAsync() => Page.EvaluateAsync<string[]>("() => window.beforeNavigateEvents");

    [Fact]
    public async Task PhxNavigate_PatchNavigateBackAndForward_CarryHrefPatchPopAndDirection()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();
        await RecordNavigateEventsAsync();
        _documentRequests.Clear();

        await Page.ClickAsync("#patch-link");
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("?patched=1");
        await Page.ClickAsync("#navigate-link");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("?patched=1");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("");
        await Page.GoForwardAsync();
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("?patched=1");

        string[] expected =
        [
            $"{Href(Path + "?patched=1")}|patch=true|pop=false|forward",
            $"{Href("/test/pages/1")}|patch=false|pop=false|forward",
            $"{Href(Path + "?patched=1")}|patch=false|pop=true|backward",
            $"{Href(Path)}|patch=true|pop=true|backward",
            $"{Href(Path + "?patched=1")}|patch=true|pop=true|forward",
        ];
        Assert.Equal(expected, await NavigateEventsAsync());
        // Live links ask first (phx:before-navigate) with the same details; so do back and forward.
        Assert.Equal(expected, await BeforeNavigateEventsAsync());
        Assert.Empty(_documentRequests);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task BeforeNavigate_Prevented_KeepsTheUrlAndSendsNothing_ForALiveLinkAndForBack()
    {
        await GotoLiveAsync(Path);
        await Page.ClickAsync("#navigate-link");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await MarkPageAsync();
        await RecordNavigateEventsAsync(preventBefore: true);
        _sentFrames.Clear();
        _documentRequests.Clear();

        await Page.GoBackAsync();
        await Page.ClickAsync("#patch-link");

        Assert.Equal(
            [$"{Href(Path)}|patch=false|pop=true|backward", $"{Href("/test/pages/3")}|patch=true|pop=false|forward"],
            await BeforeNavigateEventsAsync());
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/1$"));
        Assert.Empty(await NavigateEventsAsync());
        Assert.DoesNotContain(_sentFrames, frame => !frame.Contains("\"heartbeat\"", StringComparison.Ordinal));
        Assert.Empty(_documentRequests);

        await Page.EvaluateAsync("() => { window.preventNavigation = false; }");
        await Page.ClickAsync("#patch-link");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task PatchWithReplace_ReplacesTheHistoryEntry()
    {
        await GotoLiveAsync(Path);
        var length = await Page.EvaluateAsync<int>("() => history.length");

        await Page.ClickAsync("#replace-link");

        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("?replaced=1");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"\?replaced=1$"));
        Assert.Equal(length, await Page.EvaluateAsync<int>("() => history.length"));
    }

    [Fact]
    public async Task ScrollPosition_AfterLiveNavigationAndBack_IsRestored()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.documentElement.scrollTop"));
        var offset = await Page.Locator("#item-42").EvaluateAsync<int>("e => e.offsetTop - 200");
        await Page.EvaluateAsync("offset => window.scrollTo(0, offset)", offset);
        // The client records the position in history.state on a 100 ms debounce of scroll events.
        await Page.WaitForFunctionAsync("offset => history.state && history.state.scroll === offset", offset);

        await Page.ClickAsync("#item-42 a");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("42");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("");

        await Page.WaitForFunctionAsync("offset => document.documentElement.scrollTop === offset", offset);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task BeforeNavigate_Prevented_DoesNotStopANavigationTheServerPushes()
    {
        await GotoLiveAsync("/test/pages/1");
        await MarkPageAsync();
        await RecordNavigateEventsAsync(preventBefore: true);

        await Page.ClickAsync("#go-counter");

        await Assertions.Expect(Page).ToHaveURLAsync(Href("/counter"));
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());
        Assert.Empty(await BeforeNavigateEventsAsync());
        await AssertNotReloadedAsync();
    }

    /// <summary>Waits until the window is scrolled near <c>#item-42</c>, as scrolling it into view puts it.</summary>
    private async Task ExpectScrolledToItem42Async()
    {
        var offset = await Page.Locator("#item-42").EvaluateAsync<int>("e => e.offsetTop - 200");
        await Page.WaitForFunctionAsync(
            "offset => { const top = document.documentElement.scrollTop; return top !== 0 && Math.abs(top - offset) <= 500; }", offset);
    }

    [Fact]
    public async Task HashLink_OnALiveViewAndOnLoad_ScrollsTheAnchorIntoView()
    {
        await GotoLiveAsync(Path);
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => document.documentElement.scrollTop"));

        await Page.ClickAsync("#hash-link");

        await Assertions.Expect(Page).ToHaveURLAsync(Href(Path + "#item-42"));
        await ExpectScrolledToItem42Async();

        await GotoLiveAsync("/test/pages/1");
        await GotoLiveAsync(Path + "#item-42");
        await ExpectScrolledToItem42Async();
    }

    [Fact]
    public async Task LiveNavigation_ToAUrlWithAHash_ScrollsTheAnchorIntoView()
    {
        await GotoLiveAsync("/test/pages/1");
        await MarkPageAsync();

        await Page.ClickAsync("#hash-navigate-link");

        await Assertions.Expect(Page).ToHaveURLAsync(Href(Path + "#item-42"));
        await Assertions.Expect(Page.Locator("#item-42")).ToBeAttachedAsync();
        await ExpectScrolledToItem42Async();
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ScrollPosition_AfterAPageWithoutLiveViewAndBack_IsRestored()
    {
        await GotoLiveAsync(Path);
        var offset = await Page.Locator("#item-42").EvaluateAsync<int>("e => e.offsetTop - 200");
        await Page.EvaluateAsync("offset => window.scrollTo(0, offset)", offset);
        // The client records the position in history.state on a 100 ms debounce of scroll events.
        await Page.WaitForFunctionAsync("offset => history.state && history.state.scroll === offset", offset);

        await Page.ClickAsync("#dead-link");
        await Assertions.Expect(Page.Locator("#dead")).ToBeVisibleAsync();
        await Page.GoBackAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());

        await Page.WaitForFunctionAsync("offset => document.documentElement.scrollTop === offset", offset);
    }

    [Fact]
    public async Task ScrollPosition_OfACustomScrollContainer_IsNotRestoredAfterLiveNavigationAndBack()
    {
        await GotoLiveAsync(Path + "?container=1");
        await MarkPageAsync();
        var container = Page.Locator("#my-scroll-container");
        Assert.Equal(0, await container.EvaluateAsync<int>("e => e.scrollTop"));
        var offset = await Page.Locator("#item-42").EvaluateAsync<int>("e => e.offsetTop - 200");
        await container.EvaluateAsync("(e, offset) => e.scrollTo(0, offset)", offset);
        Assert.NotEqual(0, await container.EvaluateAsync<int>("e => e.scrollTop"));

        await Page.ClickAsync("#item-42 a");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("42");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.Locator("#query")).ToHaveTextAsync("?container=1");

        // The client restores the window's scroll position only; the container is rendered anew at the top.
        Assert.Equal(0, await container.EvaluateAsync<int>("e => e.scrollTop"));
        await AssertNotReloadedAsync();
    }
}
