using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>Issue 20 item 4: AssignAsync, StartAsync and CancelAsync on /test/async, through the stock client.</summary>
public sealed class AsyncTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private ILocator Org => Page.Locator("#org");

    private ILocator Report => Page.Locator("#report");

    [Fact]
    public async Task AssignAsync_WhileLoading_ViewStaysLiveThenShowsTheValue()
    {
        var dead = await Page.APIRequest.GetAsync(Fixture.Url("/test/async").ToString());
        Assert.Contains("<i>loading acme</i>", await dead.TextAsync());
        await GotoLiveAsync("/test/async");
        await Assertions.Expect(Org).ToHaveTextAsync("loading acme");

        // The work runs off the mailbox: events are handled while it waits.
        await Page.ClickAsync("#click");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");
        await Assertions.Expect(Org).ToHaveTextAsync("loading acme");

        await Page.ClickAsync("#release");
        await Assertions.Expect(Org).ToHaveTextAsync("acme corp");
    }

    [Fact]
    public async Task AssignAsync_Reload_KeepsThePreviousValueUntilTheNewOneArrives()
    {
        await GotoLiveAsync("/test/async");
        await Page.ClickAsync("#release");
        await Assertions.Expect(Org).ToHaveTextAsync("acme corp");

        await Page.ClickAsync("#reload");
        await Assertions.Expect(Org).ToHaveTextAsync("acme corp (reloading)");
        await Page.ClickAsync("#release");
        await Assertions.Expect(Org).ToHaveTextAsync("acme corp");
    }

    [Fact]
    public async Task AssignAsync_WorkThrows_ShowsFailedLogsAndTheViewGoesOn()
    {
        ExpectServerError(@"Async work Org of AsyncLive on lv:\S+ failed; it shows as failed and the view goes on\. InvalidOperationException: the directory is down$");
        await GotoLiveAsync("/test/async");
        await MarkPageAsync();

        await Page.ClickAsync("#fail");

        await Assertions.Expect(Org).ToHaveTextAsync("failed: the directory is down");
        await Page.ClickAsync("#click");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
        Assert.Single(ServerLogsOfThisTest, line => line.Exception?.Message == "the directory is down");
    }

    [Fact]
    public async Task CancelAsync_AssignedKey_FailsAsCancelledAndALateResultIsIgnored()
    {
        await GotoLiveAsync("/test/async");

        await Page.ClickAsync("#cancel");
        await Assertions.Expect(Org).ToHaveTextAsync("failed: cancelled");

        // The cancelled run's gate is released now: nothing may change.
        await Page.ClickAsync("#release");
        await Page.ClickAsync("#click");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");
        await Assertions.Expect(Org).ToHaveTextAsync("failed: cancelled");
    }

    [Fact]
    public async Task StartAsync_Result_ReachesHandleAsyncResult()
    {
        await GotoLiveAsync("/test/async");
        await Page.ClickAsync("#start-report");
        await Assertions.Expect(Report).ToHaveTextAsync("running");

        await Page.ClickAsync("#release-report");

        await Assertions.Expect(Report).ToHaveTextAsync("done: 42 rows");
    }

    [Fact]
    public async Task StartAsync_FailureAndCancel_ReachHandleAsyncResultAsFailed()
    {
        ExpectServerError(@"Async work report of AsyncLive on lv:\S+ failed; it shows as failed and the view goes on\. InvalidOperationException: report crashed$");
        await GotoLiveAsync("/test/async");
        await Page.ClickAsync("#start-report");
        await Page.ClickAsync("#fail-report");
        await Assertions.Expect(Report).ToHaveTextAsync("report failed: report crashed");

        await Page.ClickAsync("#start-report");
        await Assertions.Expect(Report).ToHaveTextAsync("running");
        await Page.ClickAsync("#cancel-report");
        await Assertions.Expect(Report).ToHaveTextAsync("report failed: cancelled");
    }

    [Fact]
    public async Task AssignAsync_InAComponent_RendersTheComponentsResult()
    {
        await GotoLiveAsync("/test/async");
        var card = Page.Locator("#card-value");
        await Assertions.Expect(card).ToHaveTextAsync("card loading");

        await Page.ClickAsync("#release-card");

        await Assertions.Expect(card).ToHaveTextAsync("card ready");
        await Assertions.Expect(Org).ToHaveTextAsync("loading acme");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
    }
}
