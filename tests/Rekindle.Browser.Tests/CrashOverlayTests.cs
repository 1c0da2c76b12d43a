using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>Chromium and a <see cref="TestHost"/> in the Development environment.</summary>
public sealed class DevelopmentBrowserFixture() : HostArgumentsBrowserFixture("--environment", "Development");

/// <summary>
/// A view that crashes in Development shows what happened in an overlay over the page, which the
/// stock client keeps (it rejoins the view; no reload). Production keeps its crashes to the log.
/// </summary>
public sealed class CrashOverlayTests(DevelopmentBrowserFixture fixture, ITestOutputHelper output) : BrowserTest<DevelopmentBrowserFixture>(fixture, output)
{
    [Fact]
    public async Task ViewCrash_InDevelopment_OverlayShowsViewAndExceptionWithoutReload()
    {
        ExpectServerError(@"^Rekindle\.Runtime\.ViewProcess: View CrashLive on lv:\S+ crashed; it ends and the client will rejoin\. InvalidOperationException: boom from CrashLive$");
        ExpectConsoleError(@"^page 1 console\.error: Rekindle: Rekindle\.TestApp\.CrashLive crashed; it rejoins\.");
        await GotoLiveAsync("/test/crash");
        var mounts = Page.Locator("#mounts");
        await Assertions.Expect(mounts).Not.ToHaveTextAsync("0");
        var mountsBefore = int.Parse(await mounts.InnerTextAsync());
        await MarkPageAsync();

        await Page.ClickAsync("#boom");

        var overlay = Page.Locator("#rekindle-crash");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToContainTextAsync("Rekindle.TestApp.CrashLive crashed");
        await Assertions.Expect(overlay.Locator("pre")).ToContainTextAsync("System.InvalidOperationException: boom from CrashLive");
        await Assertions.Expect(mounts).ToHaveTextAsync((mountsBefore + 1).ToString());
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await AssertNotReloadedAsync();

        await overlay.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
        await Page.ClickAsync("#click");
        await Assertions.Expect(Page.Locator("#clicks")).ToHaveTextAsync("1");
    }
}

/// <summary>The same crash outside Development: the client rejoins and nothing about the exception shows.</summary>
public sealed class CrashOverlayProductionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ViewCrash_InProduction_NoOverlayNoConsoleError()
    {
        ExpectServerError(@"^Rekindle\.Runtime\.ViewProcess: View CrashLive on lv:\S+ crashed; it ends and the client will rejoin\. InvalidOperationException: boom from CrashLive$");
        Assert.False(Host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment());
        await GotoLiveAsync("/test/crash");
        var mounts = Page.Locator("#mounts");
        await Assertions.Expect(mounts).Not.ToHaveTextAsync("0");
        var mountsBefore = int.Parse(await mounts.InnerTextAsync());
        await MarkPageAsync();

        await Page.ClickAsync("#boom");

        await Assertions.Expect(mounts).ToHaveTextAsync((mountsBefore + 1).ToString());
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#rekindle-crash")).ToHaveCountAsync(0);
        Assert.DoesNotContain("boom from CrashLive", await Page.ContentAsync());
        await AssertNotReloadedAsync();
    }
}
