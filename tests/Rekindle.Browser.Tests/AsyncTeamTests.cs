namespace Rekindle.Browser.Tests;

/// <summary>Issue 20: multi-key AssignAsync and StreamAsync on /test/async-team, through the stock client.</summary>
public sealed class AsyncTeamTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private ILocator Lead => Page.Locator("#lead");

    private ILocator Size => Page.Locator("#size");

    private ILocator Members => Page.Locator("#members > li");

    [Fact]
    public async Task AssignAsync_MultiKey_EveryKeyLoadsThenArrivesTogether()
    {
        var dead = await Page.APIRequest.GetAsync(Fixture.Url("/test/async-team").ToString());
        Assert.Contains("lead loading", await dead.TextAsync());
        await GotoLiveAsync("/test/async-team");
        await Assertions.Expect(Lead).ToHaveTextAsync("lead loading");
        await Assertions.Expect(Size).ToHaveTextAsync("size loading");

        await Page.ClickAsync("#release-team");
        await Assertions.Expect(Lead).ToHaveTextAsync("red lead");
        await Assertions.Expect(Size).ToHaveTextAsync("3");

        // A reload keeps both values until the new ones arrive together.
        await Page.ClickAsync("#blue");
        await Assertions.Expect(Lead).ToHaveTextAsync("red lead (reloading)");
        await Assertions.Expect(Size).ToHaveTextAsync("3");
        await Page.ClickAsync("#release-team");
        await Assertions.Expect(Lead).ToHaveTextAsync("blue lead");
        await Assertions.Expect(Size).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task AssignAsync_MultiKeyResultMissingAKey_FailsEveryKeyLogsAndTheViewGoesOn()
    {
        ExpectServerError(@"Async work Lead,Size of AsyncTeamLive on lv:\S+ failed; it shows as failed and the view goes on\. ArgumentException: .*missing Size\.$");
        await GotoLiveAsync("/test/async-team");
        await MarkPageAsync();

        await Page.ClickAsync("#partial-team");

        await Assertions.Expect(Lead).ToContainTextAsync("lead failed: AsyncTeamLive: AssignAsync([Lead, Size]) expected the work to return a value for each key and no other, got [Lead]; missing Size.");
        await Assertions.Expect(Size).ToContainTextAsync("size failed: AsyncTeamLive: AssignAsync([Lead, Size])");
        await Page.ClickAsync("#release-members");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-ann", "red-bob", "red-cy"]);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task AssignAsync_MultiKeyInAComponent_RendersBothValues()
    {
        await GotoLiveAsync("/test/async-team");
        await Assertions.Expect(Page.Locator("#pair-value")).ToHaveTextAsync("pair loading");

        await Page.ClickAsync("#release-pair");

        await Assertions.Expect(Page.Locator("#pair-value")).ToHaveTextAsync("dune, 4 pages");
        await Assertions.Expect(Lead).ToHaveTextAsync("lead loading");
    }

    [Fact]
    public async Task StreamAsync_ItemsAtLimitAndReset_PatchTheClientsList()
    {
        await GotoLiveAsync("/test/async-team");
        await Assertions.Expect(Page.Locator("#members-state")).ToHaveTextAsync("members loading");
        await Assertions.Expect(Members).ToHaveCountAsync(0);

        await Page.ClickAsync("#release-members");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-ann", "red-bob", "red-cy"]);
        await Assertions.Expect(Page.Locator("#members-state")).ToHaveTextAsync("3 members");
        await Page.EvaluateAsync("() => { document.getElementById('member-red-ann').__tag = 'kept'; }");

        // Prepended one by one, the client keeps the first four.
        await Page.ClickAsync("#prepend");
        await Assertions.Expect(Page.Locator("#members-state")).ToHaveTextAsync("members loading");
        await Page.ClickAsync("#release-more");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-eve", "red-dee", "red-ann", "red-bob"]);
        Assert.Equal("kept", await Page.EvaluateAsync<string>("() => document.getElementById('member-red-ann').__tag"));

        await Page.ClickAsync("#reset");
        await Page.ClickAsync("#release-more");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-dee", "red-eve"]);
        await Assertions.Expect(Page.Locator("#members-state")).ToHaveTextAsync("2 members");
    }

    [Fact]
    public async Task StreamAsync_WorkFails_ShowsTheFailureAndKeepsTheItems()
    {
        ExpectServerError(@"Async work Members of AsyncTeamLive on lv:\S+ failed; it shows as failed and the view goes on\. InvalidOperationException: the roster is down$");
        await GotoLiveAsync("/test/async-team");
        await Page.ClickAsync("#release-members");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-ann", "red-bob", "red-cy"]);

        await Page.ClickAsync("#prepend");
        await Page.ClickAsync("#fail-members");

        await Assertions.Expect(Page.Locator("#members-state")).ToHaveTextAsync("members failed: the roster is down");
        await Assertions.Expect(Members).ToHaveTextAsync(["red-ann", "red-bob", "red-cy"]);
    }
}
