using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// What JS commands did on the client across a rejoin, as Phoenix's client keeps it: the sticky ones
/// (show/hide, classes, attributes) are applied again to the elements the rejoin's render patches.
/// Against JsStickyLive at /test/parity/js-sticky.
/// </summary>
public sealed class JsStickyRejoinTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/js-sticky";

    [Fact]
    public async Task JsStickyOperations_ShowHideClassesAndAttributes_AreReappliedAfterARejoinWithoutReload()
    {
        await GotoLiveAsync(Path);
        var lamp = Page.Locator("#lamp");
        var menu = Page.Locator("#menu");
        var firstMount = await lamp.GetAttributeAsync("data-mount");
        await Page.ClickAsync("#lamp-off");
        await Page.ClickAsync("#hide-note");
        await Page.ClickAsync("#show-secret");
        await Page.ClickAsync("#expand");
        await Assertions.Expect(lamp).ToHaveClassAsync("lamp off");
        await Assertions.Expect(Page.Locator("#note")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#secret")).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        // An attribute set outside JS commands: the rejoin's render must remove it.
        await menu.EvaluateAsync("e => e.setAttribute('title', 'stale')");
        await MarkPageAsync();

        await DropSocketAsync();

        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(lamp).Not.ToHaveAttributeAsync("data-mount", firstMount!);
        await Assertions.Expect(menu).Not.ToHaveAttributeAsync("title", "stale");
        await Assertions.Expect(lamp).ToHaveClassAsync("lamp off");
        await Assertions.Expect(Page.Locator("#note")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#secret")).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await AssertNotReloadedAsync();
    }
}
