using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class CrashTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task Crash_InOneView_RejoinsThatViewAndLeavesOthersWorking()
    {
        ExpectServerError(@"^Rekindle\.Runtime\.ViewProcess: View CrashLive on lv:[A-Za-z][A-Za-z0-9]{7} crashed; it ends and the client will rejoin\. InvalidOperationException: boom from CrashLive$");
        var counterPage = await NewPageAsync();
        await GotoLiveAsync("/counter", counterPage);
        await counterPage.ClickAsync("#inc");
        await Assertions.Expect(counterPage.Locator("#count")).ToHaveTextAsync("1");
        // Only the front tab paints; Playwright's actionability checks wait for animation frames.
        await Page.BringToFrontAsync();
        await GotoLiveAsync("/test/crash");
        var mounts = Page.Locator("#mounts");
        var clicks = Page.Locator("#clicks");
        // The dead render shows 0 (only connected mounts count); wait for the join's render.
        await Assertions.Expect(mounts).Not.ToHaveTextAsync("0");
        var mountsBefore = int.Parse(await mounts.InnerTextAsync());
        Assert.True(mountsBefore > 0, $"expected the connected mount to be counted, saw {mountsBefore}");
        await Page.ClickAsync("#click");
        await Assertions.Expect(clicks).ToHaveTextAsync("1");

        await Page.ClickAsync("#boom");

        // The server ends the view with phx_error; the client shows the error and rejoins on its
        // own: one fresh connected mount, its state back at the start, on the same page.
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-server-error\b"));
        await Assertions.Expect(mounts).ToHaveTextAsync((mountsBefore + 1).ToString());
        await Assertions.Expect(clicks).ToHaveTextAsync("0");
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Page.ClickAsync("#click");
        await Assertions.Expect(clicks).ToHaveTextAsync("1");
        await Assertions.Expect(mounts).ToHaveTextAsync((mountsBefore + 1).ToString());
        Assert.Single(Host.Logs.Lines, line => line.Exception?.Message == "boom from CrashLive");

        // The other tab has its own socket and view, untouched by the crash and still live.
        await counterPage.BringToFrontAsync();
        await Assertions.Expect(counterPage.Locator("[data-phx-main]")).ToHaveClassAsync(Connected);
        await Assertions.Expect(counterPage.Locator("#count")).ToHaveTextAsync("1");
        await counterPage.ClickAsync("#inc");
        await Assertions.Expect(counterPage.Locator("#count")).ToHaveTextAsync("2");
    }
}
