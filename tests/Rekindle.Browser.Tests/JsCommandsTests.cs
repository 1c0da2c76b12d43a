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

    [Fact]
    public async Task FocusWrapDialog_FocusesItsFirstField_KeepsTabInside_AndPopFocusReturnsToTheOpener()
    {
        await GotoLiveAsync("/test/js-focus");

        await Page.ClickAsync("#open-dialog");
        await Assertions.Expect(Page.Locator("#dialog")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#first")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#second")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#close-dialog")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#first")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(Page.Locator("#close-dialog")).ToBeFocusedAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#dialog")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#open-dialog")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task ToggleAttribute_SwitchesBetweenTwoValues_OrAddsAndRemovesTheAttribute()
    {
        await GotoLiveAsync("/test/js-focus");
        var menu = Page.Locator("#menu");
        var body = Page.Locator("#toggled-body");

        await Page.ClickAsync("#expand");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Page.ClickAsync("#expand");
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await Assertions.Expect(body).ToBeHiddenAsync();
        await Page.ClickAsync("#reveal");
        await Assertions.Expect(body).ToBeVisibleAsync();
        await Page.ClickAsync("#reveal");
        await Assertions.Expect(body).ToBeHiddenAsync();
    }

    [Fact]
    public async Task IgnoreAttributes_KeepsADetailsTheUserOpened_WhileAServerPatchClosesOneWithout()
    {
        await GotoLiveAsync("/test/js-focus");
        await Page.ClickAsync("#kept-summary");
        await Page.ClickAsync("#reset-summary");
        await Assertions.Expect(Page.Locator("#kept-body")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#reset-body")).ToBeVisibleAsync();

        await Page.ClickAsync("#bump");

        await Assertions.Expect(Page.Locator("#bumps")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#kept")).ToHaveAttributeAsync("data-bumps", "1");
        await Assertions.Expect(Page.Locator("#reset-body")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#kept-body")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Transition_AppliesItsClassesForItsTime_ThenRemovesThem()
    {
        await GotoLiveAsync("/test/js-focus");
        var card = Page.Locator("#card");

        // The class lives 400 ms: on a loaded machine a poll can miss it, so record every class the card takes.
        await Page.EvaluateAsync("""
          () => {
            window.__cardClasses = [];
            const card = document.getElementById('card');
            new MutationObserver(() => window.__cardClasses.push(card.className))
              .observe(card, { attributes: true, attributeFilter: ['class'] });
          }
          """);

        await Page.ClickAsync("#shake");

        await Page.WaitForFunctionAsync("() => window.__cardClasses.some(c => /\\bshaking\\b/.test(c))");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToHaveClassAsync(new Regex(@"\bshaking\b"), new() { Timeout = 2000 });
    }

    [Fact]
    public async Task Exec_RunsTheCommandsStoredInAnotherElementsAttribute()
    {
        await GotoLiveAsync("/test/js-focus");
        var panel = Page.Locator("#panel");

        await Page.ClickAsync("#exec-show");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Page.ClickAsync("#exec-hide");
        await Assertions.Expect(panel).ToBeHiddenAsync();
    }
}
