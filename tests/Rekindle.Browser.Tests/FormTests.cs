namespace Rekindle.Browser.Tests;

public sealed class FormTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Change_TypingIntoName_EchoesValueAndTarget()
    {
        await GotoLiveAsync("/test/form");

        await Page.Locator("#name").PressSequentiallyAsync("Ada");

        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("Ada");
        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("user[name]");
        // One phx-change per keystroke: the client sends every input event (no phx-debounce here).
        await Assertions.Expect(Page.Locator("#changes")).ToHaveTextAsync("3");
        await Assertions.Expect(Page.Locator("#length-error")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task Change_BothTagsClicked_SendsBothValuesInOrder()
    {
        await GotoLiveAsync("/test/form");

        await Page.Locator("#tag-a").ClickAsync();
        await Assertions.Expect(Page.Locator("#tags")).ToHaveTextAsync("a");
        await Page.Locator("#tag-b").ClickAsync();

        await Assertions.Expect(Page.Locator("#tags")).ToHaveTextAsync("a,b");
        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("tags[]");
        await Assertions.Expect(Page.Locator("#changes")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task Change_CheckboxRenderedWithAttr_StaysCheckedAfterThePatch()
    {
        await GotoLiveAsync("/test/form");

        await Page.Locator("#tag-a").ClickAsync();
        await Assertions.Expect(Page.Locator("#tags")).ToHaveTextAsync("a");

        // LiveView takes checkbox state from the server's markup (DOM.syncAttrsToProps), so the
        // box stays ticked only because the template renders Attr("checked", ...).
        await Assertions.Expect(Page.Locator("#tag-a")).ToBeCheckedAsync();
        await Page.Locator("#tag-a").ClickAsync();
        await Assertions.Expect(Page.Locator("#changes")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#tags")).ToHaveTextAsync("");
        await Assertions.Expect(Page.Locator("#tag-a")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task Change_NameLongerThanTenCharacters_ShowsLengthError()
    {
        await GotoLiveAsync("/test/form");

        await Page.Locator("#name").FillAsync("abcdefghijkl");

        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("abcdefghijkl");
        await Assertions.Expect(Page.Locator("#length-error")).ToHaveTextAsync("too long");

        await Page.Locator("#name").FillAsync("short");
        await Assertions.Expect(Page.Locator("#length-error")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task Submit_ClickingSave_ShowsSavedName()
    {
        await GotoLiveAsync("/test/form");
        await Page.Locator("#name").FillAsync("Grace");
        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("Grace");

        await Page.Locator("#save").ClickAsync();

        await Assertions.Expect(Page.Locator("#saved")).ToHaveTextAsync("saved Grace");
        // phx-submit stops the browser's own submission: still the same page, still connected.
        Assert.Equal(Host.Url("/test/form").ToString(), Page.Url);
        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
    }

    [Fact]
    public async Task Change_MarkupInName_IsEchoedAsText()
    {
        await GotoLiveAsync("/test/form");

        await Page.Locator("#name").FillAsync("<b>x</b>");

        await Assertions.Expect(Page.Locator("#echo")).ToHaveTextAsync("<b>x</b>");
        Assert.Equal("<b>x</b>", await Page.Locator("#echo").EvaluateAsync<string>("e => e.textContent"));
        Assert.Equal(0, await Page.Locator("#echo b").CountAsync());
        Assert.Equal("<b>x</b>", await Page.Locator("#name").InputValueAsync());
    }
}
