namespace Rekindle.Browser.Tests;

/// <summary>
/// LiveComponents rendered as stream items (issue 17, item 10), against CardStreamLive at
/// /test/parity/card-stream: once the stream item is flushed the view holds no copy of it, and the
/// component must still answer its own events with its own diff, as in Phoenix.
/// </summary>
public sealed class ComponentsInStreamTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ComponentInAStreamItem_AfterTheItemWasFlushed_AnswersItsOwnClickWithItsDiff()
    {
        await GotoLiveAsync("/test/parity/card-stream");
        await MarkPageAsync();

        await Page.ClickAsync("#cards-2 .click");
        await Assertions.Expect(Page.Locator("#cards-2 .click")).ToHaveTextAsync("card 2 clicks 1");
        await Page.ClickAsync("#cards-2 .click");
        await Assertions.Expect(Page.Locator("#cards-2 .click")).ToHaveTextAsync("card 2 clicks 2");
        await Assertions.Expect(Page.Locator("#cards-1 .click")).ToHaveTextAsync("card 1 clicks 0");

        // An item streamed in later is a component as live as the first ones.
        await Page.ClickAsync("#add-card");
        await Page.ClickAsync("#cards-3 .click");
        await Assertions.Expect(Page.Locator("#cards-3 .click")).ToHaveTextAsync("card 3 clicks 1");
        await Assertions.Expect(Page.Locator("#cards > div")).ToHaveCountAsync(3);
        // The parent rendered again without the first cards: they keep their state and their events.
        await Page.ClickAsync("#cards-1 .click");
        await Assertions.Expect(Page.Locator("#cards-1 .click")).ToHaveTextAsync("card 1 clicks 1");
        await Assertions.Expect(Page.Locator("#cards-2 .click")).ToHaveTextAsync("card 2 clicks 2");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ComponentInAStreamItem_ResettingItsOwnStream_ReplacesItsItems()
    {
        await GotoLiveAsync("/test/parity/card-stream");
        await MarkPageAsync();
        await Assertions.Expect(Page.Locator("#cards-1-notes > li")).ToHaveTextAsync(["note 1"]);

        await Page.ClickAsync("#cards-1 .reset");
        await Assertions.Expect(Page.Locator("#cards-1-notes > li")).ToHaveTextAsync(["note 2"]);
        await Page.ClickAsync("#cards-1 .reset");
        await Assertions.Expect(Page.Locator("#cards-1-notes > li")).ToHaveTextAsync(["note 3"]);
        await Assertions.Expect(Page.Locator("#cards-2-notes > li")).ToHaveTextAsync(["note 1"]);
        await AssertNotReloadedAsync();
    }
}
