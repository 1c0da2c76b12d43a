using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Form recovery whose handler fails (docs/protocol.md §7.6, §11.5), across a dropped socket, on
/// /test/recovery-error: the view must end up joined and usable, with the failure logged, and the
/// page never reloaded.
/// </summary>
public sealed class FormRecoveryErrorTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    /// <summary>The handler throws: the view crashes, the client rejoins once more and skips that form (it is in its pendingForms).</summary>
    [Fact]
    public async Task AutoRecover_HandlerThrows_ViewRejoinsWithoutThatFormAndStaysUsable()
    {
        ExpectServerError($@": View RecoveryErrorLive on lv:\S+ crashed; .* InvalidOperationException: {RecoveryErrorLive.CrashMessage}$");
        await TypeThenDropSocketAsync("recover_throws");

        // The first rejoin (mounts=1) crashed in recover_throws; the client rejoined after its 1 s
        // channel back-off (mounts=2) without the wish form, and that join completed.
        await Assertions.Expect(Page.Locator("#mounts")).ToHaveTextAsync("mounts=2");
        await AssertJoinedAndUsableAsync();

        var crash = Assert.Single(ServerLogsOfThisTest, line => line.EventId.Name == "ViewCrashed");
        Assert.Equal(LogLevel.Error, crash.Level);
        Assert.Equal(RecoveryErrorLive.CrashMessage, Assert.IsType<InvalidOperationException>(crash.Exception).Message);
    }

    /// <summary>No handler: answered ok (an error reply to the last recovered form would leave the client joining forever) and logged.</summary>
    [Fact]
    public async Task AutoRecover_NoHandler_RepliedOkSoTheJoinCompletes()
    {
        await TypeThenDropSocketAsync("recover_missing");

        await Assertions.Expect(Page.Locator("#mounts")).ToHaveTextAsync("mounts=1");
        await AssertJoinedAndUsableAsync();

        var unhandled = Assert.Single(ServerLogsOfThisTest, line => line.EventId.Name == "FormEventUnhandled");
        Assert.Equal(LogLevel.Warning, unhandled.Level);
        Assert.Contains("recover_missing", unhandled.Message);
        Assert.DoesNotContain(ServerLogsOfThisTest, line => line.EventId.Name == "ViewCrashed");
    }

    private async Task TypeThenDropSocketAsync(string recoverEvent)
    {
        await GotoLiveAsync($"/test/recovery-error?recover={recoverEvent}");
        await Assertions.Expect(Page.Locator("#mounts")).ToHaveTextAsync("mounts=0");
        await Page.Locator("#note").FillAsync("kept note");
        await Page.Locator("#wish").FillAsync("a wish");
        await Assertions.Expect(Page.Locator("#note-echo")).ToHaveTextAsync("kept note");
        await Assertions.Expect(Page.Locator("#wish-echo")).ToHaveTextAsync("a wish");
        await MarkPageAsync();

        await DropSocketAsync();
    }

    /// <summary>The note form recovered, the wish form's failed recovery left the fresh mount's empty wish, and a click works.</summary>
    private async Task AssertJoinedAndUsableAsync()
    {
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#note-echo")).ToHaveTextAsync("kept note");
        await Assertions.Expect(Page.Locator("#note")).ToHaveValueAsync("kept note");
        await Assertions.Expect(Page.Locator("#wish-echo")).ToHaveTextAsync("");
        await Page.ClickAsync("#click");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }
}
