using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Back and forward through live patches and live navigations, and navigation between live sessions
/// (issue 17, item 13; docs/protocol.md §8), as Phoenix's end-to-end suite checks them: within a live
/// session history moves over the socket without a page request; into another session the join is
/// refused <c>unauthorized</c> and the client loads the page over HTTP.
/// </summary>
public sealed partial class HistoryNavigationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly ConcurrentQueue<string> _documentRequests = new();
    private readonly ConcurrentQueue<string> _frames = new();

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
        Page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, frame) => _frames.Enqueue("sent " + frame.Text);
            socket.FrameReceived += (_, frame) => _frames.Enqueue("received " + frame.Text);
        };
    }

    [GeneratedRegex(@"\bphx-connected\b")]
    private static partial Regex Connected();

    [Fact]
    public async Task BackAndForward_ThroughPatchesAndNavigationsOfOneSession_MoveOverTheSocketOnly()
    {
        await GotoLiveAsync("/test/pages/1");
        await MarkPageAsync();
        _documentRequests.Clear();

        await Page.ClickAsync("#patch-link");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await Page.ClickAsync("#navigate-link");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/counter$"));
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("0");

        await Page.GoBackAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/3$"));
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await Page.GoBackAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/1$"));
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await Page.GoForwardAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("3");
        await Page.GoForwardAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/counter$"));
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("0");
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());

        Assert.Empty(_documentRequests);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task LiveNavigation_IntoAnotherLiveSession_IsRefusedUnauthorizedAndLoadsThePage_BackAndForwardWork()
    {
        await GotoLiveAsync("/test/pages/1");
        await MarkPageAsync();
        _documentRequests.Clear();

        await Page.EvaluateAsync("() => liveSocket.execJS(document.body, JSON.stringify([['navigate', {href: '/test/flash/target'}]]))");

        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("Target");
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());
        Assert.Contains(_documentRequests, url => url.EndsWith("/test/flash/target", StringComparison.Ordinal));
        Assert.Contains(_frames, frame => frame.StartsWith("sent ", StringComparison.Ordinal) && frame.Contains("\"phx_leave\"", StringComparison.Ordinal));
        Assert.Contains(_frames, frame => frame.StartsWith("received ", StringComparison.Ordinal) && Regex.IsMatch(frame, "\"error\".*unauthorized"));
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__marker ?? null"));

        await Page.GoBackAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/pages/1$"));
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());
        await Page.GoForwardAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target$"));
        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("Target");
        await Assertions.Expect(Main).ToHaveClassAsync(Connected());
    }
}
