using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class JsCommandsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ShowHideToggle_ChangeVisibilityOnTheClient()
    {
        await GotoLiveAsync("/test/js");
        var panel = Page.Locator("#panel");
        await Assertions.Expect(panel).ToBeHiddenAsync();

        await Page.ClickAsync("#show");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Page.ClickAsync("#hide");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await Page.ClickAsync("#toggle");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Page.ClickAsync("#toggle");
        await Assertions.Expect(panel).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AddClassAndPush_ChangesTheClassAndTheServerHandlesThePushedValue_TheClassSurvivesThePatch()
    {
        await GotoLiveAsync("/test/js");
        var box = Page.Locator("#box");

        await Page.ClickAsync("#open");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("2");
        await Assertions.Expect(box).ToHaveClassAsync(new Regex(@"\bopen\b"));
        await Page.ClickAsync("#open");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("4");

        await Page.ClickAsync("#close");
        await Assertions.Expect(box).Not.ToHaveClassAsync(new Regex(@"\bopen\b"));
        await Assertions.Expect(box).ToHaveClassAsync(new Regex(@"\bbox\b"));
    }
}
