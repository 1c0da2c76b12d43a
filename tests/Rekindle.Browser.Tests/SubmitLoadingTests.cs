using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// What the stock client shows while a submit is in flight under latency (issue 17, item 13), as
/// Phoenix's end-to-end suite checks it, against SlowFormLive at /test/parity/slow-form: the button's
/// <c>phx-disable-with</c> text, the form's loading class and locked inputs, all undone by the reply.
/// </summary>
public sealed partial class SubmitLoadingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [GeneratedRegex(@"\bphx-submit-loading\b")]
    private static partial Regex SubmitLoading();

    [Fact]
    public async Task Submit_UnderLatency_DisablesWithTheButtonsTextAndLocksTheFormUntilTheReply()
    {
        await GotoLiveAsync("/test/parity/slow-form");
        await MarkPageAsync();
        await Page.EvaluateAsync("() => liveSocket.enableLatencySim(1500)");
        await Page.FillAsync("input[name=title]", "draft");

        await Page.ClickAsync("#save");

        var button = Page.Locator("#save");
        await Assertions.Expect(button).ToHaveTextAsync("Saving...");
        await Assertions.Expect(button).ToBeDisabledAsync();
        await Assertions.Expect(Page.Locator("#slow-form")).ToHaveClassAsync(SubmitLoading());
        await Assertions.Expect(Page.Locator("input[name=title]")).ToHaveAttributeAsync("readonly", "");
        Assert.Equal("", await Page.Locator("#saved").TextContentAsync());

        await Assertions.Expect(Page.Locator("#saved")).ToHaveTextAsync("draft");
        await Assertions.Expect(button).ToHaveTextAsync("Save");
        await Assertions.Expect(button).ToBeEnabledAsync();
        await Assertions.Expect(Page.Locator("#slow-form")).Not.ToHaveClassAsync(SubmitLoading());
        await Assertions.Expect(Page.Locator("input[name=title]")).Not.ToHaveAttributeAsync("readonly", "");
        await Page.EvaluateAsync("() => liveSocket.disableLatencySim()");
        await AssertNotReloadedAsync();
    }
}
