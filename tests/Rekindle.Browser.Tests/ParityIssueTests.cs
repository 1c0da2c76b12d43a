using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Regressions from Phoenix's end-to-end issue specs that apply to Rekindle: a rejoin of nested views
/// holding a stream (upstream issue 3378) and the recovery of a form without fields (upstream issue
/// 3819), against the Issue3378 and Issue3819 views under /test/parity/.
/// </summary>
public sealed class ParityIssueTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Issue3378_RejoinOfNestedViewsWithAStream_ShowsTheStreamWithoutErrors()
    {
        await GotoLiveAsync("/test/parity/issue-3378");
        var notifications = Page.Locator("#notifications_list > li");
        await Assertions.Expect(notifications).ToHaveTextAsync(["big!"]);
        await Assertions.Expect(Page.Locator("#notifications_list")).ToBeAttachedAsync();
        await Assertions.Expect(Page.Locator("[data-phx-session]:not(.phx-connected)")).ToHaveCountAsync(0);
        await MarkPageAsync();

        await DropSocketAsync();

        await Assertions.Expect(Page.Locator("[data-phx-session].phx-connected")).ToHaveCountAsync(3);
        await Assertions.Expect(notifications).ToHaveTextAsync(["big!"]);
        await AssertNotReloadedAsync();
        // Any error the client throws while rejoining fails the test when it is disposed (BrowserTest).
    }

    [Fact]
    public async Task Issue3819_FormRecoveryOfAFormWithoutFields_EndsTheLoadingStateAndTheViewAnswers()
    {
        await GotoLiveAsync("/test/parity/issue-3819");
        await MarkPageAsync();

        await DropSocketAsync(() => Page.EvaluateAsync(
            "() => window.addEventListener('phx:page-loading-stop', () => liveSocket.js().push(liveSocket.main.el, 'reconnected'))"));

        await Assertions.Expect(Page.Locator(".phx-loading")).ToHaveCountAsync(0);
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#reconnected")).ToBeVisibleAsync();
        await AssertNotReloadedAsync();
    }
}
