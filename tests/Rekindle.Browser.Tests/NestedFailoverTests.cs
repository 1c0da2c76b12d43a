namespace Rekindle.Browser.Tests;

/// <summary>
/// Nested and sticky views across the death of the node serving them (three nodes behind nginx,
/// snapshots in Redis): the client reconnects through nginx to another node, which restores each
/// child, grandchild and sticky view from its own snapshot and the child's form by form recovery,
/// without a reload.
/// </summary>
public sealed class NestedFailoverTests(ClusterFixture fixture, ITestOutputHelper output) : BrowserTest<ClusterFixture>(fixture, output)
{
    private static readonly float FailoverTimeout = 20_000;
    private static readonly System.Text.RegularExpressions.Regex Connected = new(@"\bphx-connected\b");

    public override async Task InitializeAsync()
    {
        // A failed test may have left a node down.
        foreach (var node in Fixture.Nodes.Where(node => !node.IsRunning))
        {
            await node.StartAsync();
        }
        await base.InitializeAsync();
    }

    [Fact]
    public async Task NodeKilled_ChildrenGrandchildAndChildForm_ComeBackOnAnotherNode()
    {
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        await GotoLiveAsync("/test/nested");
        await Assertions.Expect(Page.Locator("#right-leaf")).ToHaveClassAsync(Connected);
        await MarkPageAsync();
        await Page.Locator("#left-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        for (var i = 1; i <= 2; i++)
        {
            await Page.Locator("#right-inc").ClickAsync();
            await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync(i.ToString());
        }
        await Page.Locator("#right-leaf-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("1");
        await Page.Locator("#left-note").FillAsync("left draft");
        await Assertions.Expect(Page.Locator("#left-note-echo")).ToHaveTextAsync("left draft");
        var node = Fixture.NodeServing("lv:right-leaf");

        await node.KillAsync();
        await Page.EvaluateAsync("() => ['#left-count', '#right-count', '#right-leaf-count', '#left-note-echo'].forEach(s => { document.querySelector(s).textContent = 'stale'; })");

        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("1", new() { Timeout = FailoverTimeout });
        Assert.NotSame(node, Fixture.NodeServing("lv:right-leaf"));
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#left-leaf-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Page.Locator("#left-note-echo")).ToHaveTextAsync("left draft");
        await Page.Locator("#right-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
        await node.StartAsync();
    }

    [Fact]
    public async Task NodeKilled_StickyViewAfterLiveNavigation_ComesBackOnAnotherNode()
    {
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        await GotoLiveAsync("/test/sticky/first");
        await Assertions.Expect(Page.Locator("#player")).ToHaveClassAsync(Connected);
        await MarkPageAsync();
        await Page.Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("1");
        await Page.Locator("#to-second").ClickAsync();
        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("second");
        await Page.Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2");
        var node = Fixture.NodeServing("lv:player");

        await node.KillAsync();
        await Page.EvaluateAsync("() => { document.querySelector('#player-count').textContent = 'stale'; }");

        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("2", new() { Timeout = FailoverTimeout });
        Assert.NotSame(node, Fixture.NodeServing("lv:player"));
        await Assertions.Expect(Page.Locator("#page-name")).ToHaveTextAsync("second");
        await Page.Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Page.Locator("#player-count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
        await node.StartAsync();
    }
}
