namespace Rekindle.Browser.Tests;

/// <summary>
/// Stream limits and update-only inserts in the stock client (issue 17, item 13; docs/protocol.md
/// §4.8), the behaviours Phoenix's own end-to-end suite checks, against StreamLimitLive at
/// /test/parity/stream-limit.
/// </summary>
public sealed class StreamLimitTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/stream-limit";

    private async Task ExpectItemsAsync(params int[] ids)
    {
        var texts = ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await Assertions.Expect(Page.Locator("#items > li")).ToHaveTextAsync(texts);
        Assert.Equal(ids.Select(id => $"items-{id}").ToArray(), await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#items > li')].map(e => e.id)"));
    }

    private async Task SetOptionsAsync(int at, int limit)
    {
        await Page.FillAsync("input[name=at]", at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.FillAsync("input[name=limit]", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Page.ClickAsync("#recreate");
    }

    [Fact]
    public async Task StreamLimit_OnMount_IsEnforcedByTheClientButTheDeadRenderHoldsEveryItem()
    {
        var html = await Page.APIRequest.GetAsync(Fixture.Url(Path).ToString());
        var body = await html.TextAsync();
        for (var id = 1; id <= 10; id++)
        {
            Assert.Contains($"id=\"items-{id}\"", body);
        }

        await GotoLiveAsync(Path);

        await ExpectItemsAsync(6, 7, 8, 9, 10);
    }

    [Fact]
    public async Task StreamLimit_NegativeWhenAppending_DropsItemsAtTheFront()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();

        await Page.ClickAsync("#add-1");
        await ExpectItemsAsync(7, 8, 9, 10, 11);
        await Page.ClickAsync("#add-10");
        await ExpectItemsAsync(17, 18, 19, 20, 21);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StreamLimit_PositiveWhenPrepending_DropsItemsAtTheBack()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();

        await SetOptionsAsync(at: 0, limit: 5);
        await ExpectItemsAsync(10, 9, 8, 7, 6);
        await Page.ClickAsync("#add-1");
        await ExpectItemsAsync(11, 10, 9, 8, 7);
        await Page.ClickAsync("#add-10");
        await ExpectItemsAsync(21, 20, 19, 18, 17);
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData(-1, 5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(0, -5, new[] { 5, 4, 3, 2, 1 })]
    public async Task StreamLimit_ReachedOnTheSideItemsGoIn_InsertsNothingMore(int at, int limit, int[] full)
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();
        await SetOptionsAsync(at, limit);
        await Page.ClickAsync("#clear");
        await Assertions.Expect(Page.Locator("#items > li")).ToHaveCountAsync(0);

        for (var added = 1; added <= 5; added++)
        {
            await Page.ClickAsync("#add-1");
            await Assertions.Expect(Page.Locator("#items > li")).ToHaveCountAsync(added);
        }
        await ExpectItemsAsync(full);

        await Page.ClickAsync("#add-1");
        await Page.ClickAsync("#add-10");
        // A marker event after both: once its reply is applied, so are theirs.
        await Page.ClickAsync("#update-only-existing");
        await ExpectItemsAsync(full);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StreamLimit_AtAnArbitraryIndex_KeepsTheLimitFromTheSideTheSignSays()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();

        await SetOptionsAsync(at: 1, limit: 5);
        await ExpectItemsAsync(1, 10, 9, 8, 7);
        await Page.ClickAsync("#add-10");
        await ExpectItemsAsync(1, 20, 19, 18, 17);

        await SetOptionsAsync(at: 1, limit: -5);
        await ExpectItemsAsync(10, 5, 4, 3, 2);
        await Page.ClickAsync("#add-10");
        await ExpectItemsAsync(20, 5, 4, 3, 2);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StreamUpdateOnly_UpdatesAnItemShownAndNeverAddsOne()
    {
        await GotoLiveAsync(Path);
        await MarkPageAsync();

        await Page.ClickAsync("#update-only-new");
        await Page.ClickAsync("#update-only-existing");

        await Assertions.Expect(Page.Locator("#items-8")).ToHaveTextAsync("8 (updated)");
        await Assertions.Expect(Page.Locator("#items > li")).ToHaveTextAsync(["6", "7", "8 (updated)", "9", "10"]);
        await Assertions.Expect(Page.Locator("#items-99")).ToHaveCountAsync(0);
        await AssertNotReloadedAsync();
    }
}
