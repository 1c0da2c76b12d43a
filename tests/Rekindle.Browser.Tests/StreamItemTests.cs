namespace Rekindle.Browser.Tests;

/// <summary>
/// Updating, deleting and moving stream items of a view and of a component, a stream filled by async
/// work inside a comprehension, and the whitespace between items (docs/protocol.md §4.8): the
/// behaviours of Phoenix's streams end-to-end spec not covered by <see cref="StreamResetTests"/>,
/// against UserStreamLive, StreamInsideForLive and StreamLimitLive under /test/parity/.
/// </summary>
public sealed class StreamItemTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/users";

    /// <summary>Waits for the list <paramref name="list"/> to show exactly these ids with these names, in order.</summary>
    private async Task ExpectUsersAsync(string list, params (string Id, string Name)[] users)
    {
        await Assertions.Expect(Page.Locator($"#{list} > div .name")).ToHaveTextAsync(users.Select(u => u.Name).ToArray());
        Assert.Equal(
            users.Select(u => u.Id).ToArray(),
            await Page.Locator($"#{list} > div").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
    }

    [Theory]
    [InlineData("users", "c_users")]
    [InlineData("c_users", "users")]
    public async Task StreamItem_UpdatedAndDeleted_ChangesOnlyItsOwnList(string list, string other)
    {
        await GotoLiveAsync(Path);
        await ExpectUsersAsync(list, ($"{list}-1", "chris"), ($"{list}-2", "callan"));

        await Page.ClickAsync($"#{list}-1 .update");
        await ExpectUsersAsync(list, ($"{list}-1", "updated"), ($"{list}-2", "callan"));
        await ExpectUsersAsync(other, ($"{other}-1", "chris"), ($"{other}-2", "callan"));

        await Page.ClickAsync($"#{list}-2 .update");
        await ExpectUsersAsync(list, ($"{list}-1", "updated"), ($"{list}-2", "updated"));
        await ExpectUsersAsync(other, ($"{other}-1", "chris"), ($"{other}-2", "callan"));

        await Page.ClickAsync($"#{list}-1 .delete");
        await ExpectUsersAsync(list, ($"{list}-2", "updated"));
        await ExpectUsersAsync(other, ($"{other}-1", "chris"), ($"{other}-2", "callan"));
    }

    [Theory]
    [InlineData("users")]
    [InlineData("c_users")]
    public async Task StreamItem_DeletedAndInsertedFirstOrLast_MovesThereUpdated(string list)
    {
        await GotoLiveAsync(Path);

        await Page.ClickAsync($"#{list}-2 .first");
        await ExpectUsersAsync(list, ($"{list}-2", "updated"), ($"{list}-1", "chris"));

        await Page.ClickAsync($"#{list}-2 .last");
        await ExpectUsersAsync(list, ($"{list}-1", "chris"), ($"{list}-2", "updated"));

        await Page.ClickAsync($"#{list}-1 .last");
        await ExpectUsersAsync(list, ($"{list}-2", "updated"), ($"{list}-1", "updated"));
    }

    [Fact]
    public async Task Stream_FilledByAsyncWorkInsideAComprehension_ShowsItsItems()
    {
        await GotoLiveAsync("/test/parity/stream-inside-for");

        var items = Page.Locator("#thelist > li");
        await Assertions.Expect(items).ToHaveTextAsync(["A", "B", "C", "D"]);
        Assert.Equal(
            ["items-a", "items-b", "items-c", "items-d"],
            await items.EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
    }

    [Fact]
    public async Task StreamInserts_OfItemsWithWhitespaceAroundThem_DoNotAccumulateTextNodes()
    {
        await GotoLiveAsync("/test/parity/stream-limit?spaced");
        const string LineBreaks = "() => document.getElementById('items').innerHTML.split('\\n').length";
        await Assertions.Expect(Page.Locator("#items > li")).ToHaveCountAsync(5);
        var before = await Page.EvaluateAsync<int>(LineBreaks);

        for (var i = 0; i < 10; i++)
        {
            await Page.ClickAsync("#add-10");
            await Assertions.Expect(Page.Locator("#items > li").Last).ToHaveIdAsync($"items-{20 + (10 * i)}");
        }

        await Assertions.Expect(Page.Locator("#items > li")).ToHaveCountAsync(5);
        var after = await Page.EvaluateAsync<int>(LineBreaks);
        Output.WriteLine($"line breaks in the list: {before - 1} before, {after - 1} after 100 inserts");
        Assert.Equal(before, after);
    }
}
