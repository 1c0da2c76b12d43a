using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class FlashTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task PutFlash_Shows_AndAClickOnItClearsOnlyThatKind()
    {
        await GotoLiveAsync("/test/flash");

        await Page.ClickAsync("#put-info");
        await Page.ClickAsync("#put-error");
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(Page.Locator("#flash-error")).ToHaveTextAsync("Something failed.");
        await Page.ClickAsync("#flash-info");

        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#flash-error")).ToHaveTextAsync("Something failed.");
    }

    [Fact]
    public async Task Flash_SurvivesPushNavigateToAnotherViewOfTheLiveSession_WithoutAReload()
    {
        await GotoLiveAsync("/test/flash");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#navigate");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target$"));
        await Assertions.Expect(Page.Locator("#target")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveTextAsync("Carried across a live navigation.");
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
        await Page.ClickAsync("#flash-info");
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Flash_SurvivesRedirect_ShownByTheDeadRenderAndKeptByTheJoin_ThenGoneAfterAPatchAndOnReload()
    {
        await GotoLiveAsync("/test/flash");

        await Page.ClickAsync("#redirect");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveTextAsync("Carried across a redirect.");
        Assert.DoesNotContain(await Context.CookiesAsync(), cookie => cookie.Name == "__phoenix_flash__");

        await Page.ClickAsync("#patch");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target/2$"));
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveCountAsync(0);

        await Page.ReloadAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#target")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PushNavigateDuringMount_LoadedDirectly_RedirectsWithTheFlash()
    {
        var response = await Page.GotoAsync(Fixture.Url("/test/mount-navigate").ToString());

        Assert.NotNull(response);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveTextAsync("Sent on by mount.");
    }

    [Fact]
    public async Task PushNavigateDuringMount_ReachedByLiveNavigation_NavigatesOnLiveWithTheFlash()
    {
        await GotoLiveAsync("/test/flash");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#to-mount-navigate");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/flash/target$"));
        await Assertions.Expect(Page.Locator("#flash-info")).ToHaveTextAsync("Sent on by mount.");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
        await Assertions.Expect(Page.Locator("#never")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PushPatchDuringMount_ReachedByLiveNavigation_ReplacesTheUrlAndRendersThePatchedState()
    {
        await GotoLiveAsync("/test/flash");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");

        await Page.ClickAsync("#to-patch-on-mount");

        await Assertions.Expect(Page.Locator("#step")).ToHaveTextAsync("step 1");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/patch-on-mount/1$"));
        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
    }
}
