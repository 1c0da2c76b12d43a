namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 17, item 8: after <c>JS.patch</c> to another route of the same view, the rejoin's URL is not
/// the session token's route. It was refused <c>unauthorized</c>, so the client reloaded the page and
/// lost the form; any route of the same view in the same live session must be accepted.
/// </summary>
public sealed class PatchedRouteRejoinTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Rejoin_AfterJsPatchToAnotherRouteOfTheSameView_IsAcceptedAndFormRecoveryRestoresTheDraft()
    {
        await GotoLiveAsync("/test/patched-form");
        await Page.ClickAsync("#edit");
        await Assertions.Expect(Page.Locator("#editing")).ToHaveTextAsync("7");
        Assert.EndsWith("/test/patched-form/edit/7", Page.Url);
        await Page.Locator("#draft").FillAsync("half-written reply");
        await Assertions.Expect(Page.Locator("#draft-echo")).ToHaveTextAsync("half-written reply");
        await MarkPageAsync();

        // The view keeps nothing: the rejoin mounts fresh, and only form recovery can bring the draft back.
        await DropSocketAsync(() => Page.EvaluateAsync("() => { document.querySelector('#draft-echo').textContent = 'stale'; }"));

        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#draft-echo")).ToHaveTextAsync("half-written reply");
        await Assertions.Expect(Page.Locator("#editing")).ToHaveTextAsync("7");
        await AssertNotReloadedAsync();
        Assert.DoesNotContain(ServerLogsOfThisTest, line => line.Message.Contains("no longer routes", StringComparison.Ordinal));
    }
}
