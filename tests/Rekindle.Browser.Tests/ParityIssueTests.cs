using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Regressions from Phoenix's end-to-end issue specs that apply to Rekindle: the recovery of a
/// component's form that targets it by a selector after a patch (upstream issue 3200), phx-remove
/// transitions of stream items on live navigation away (3199), a hook outside the view through a
/// reconnect (4147), a rejoin of nested views holding a stream (3378) and the recovery of a form
/// without fields (3819), against the Issue3200, Issue3378, Issue3819, Issue4147 and StreamReset views under /test/parity/.
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

    [Fact]
    public async Task Issue3200_FormTargetingItsComponentBySelector_IsRecoveredAfterAPatchAndARejoin()
    {
        await GotoLiveAsync("/test/parity/issue-3200/settings");
        await MarkPageAsync();

        await Page.ClickAsync("#messages-tab");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3200/messages$"));
        await Page.FillAsync("#new_message_input", "Hello");
        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("Hello");

        await DropSocketAsync(() => Assertions.Expect(Page.Locator(".phx-loading")).ToHaveCountAsync(1));

        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#new_message_input")).ToHaveValueAsync("Hello");
        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("Hello");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3199_LiveNavigationAway_RunsThePhxRemoveTransitionsOfTheStreamItems()
    {
        await GotoLiveAsync("/test/parity/stream-reset?phx-remove=transition");
        await MarkPageAsync();

        await Page.ClickAsync("#navigate-away");

        // The outgoing view stays until its items' one-second transitions have run.
        await Assertions.Expect(Page.Locator("#thelist > li.item-removing")).ToHaveCountAsync(4);
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#thelist")).ToHaveCountAsync(0);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue4147_HookOutsideTheLiveView_IsMountedOnceThroughAReconnect()
    {
        await GotoLiveAsync("/test/parity/issue-4147");
        await Page.WaitForFunctionAsync("() => window.hookOutsideMounts === 1");
        await MarkPageAsync();

        await DropSocketAsync(() => Assertions.Expect(Page.Locator(".phx-loading")).ToHaveCountAsync(1));

        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Inside");
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.hookOutsideMounts"));
        await AssertNotReloadedAsync();
    }
}
