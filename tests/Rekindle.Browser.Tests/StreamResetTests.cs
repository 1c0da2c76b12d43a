namespace Rekindle.Browser.Tests;

/// <summary>
/// Stream resets, bulk and indexed inserts in the stock client (docs/protocol.md §4.8), the
/// behaviours of Phoenix's streams end-to-end spec not covered by <see cref="StreamTests"/> and
/// <see cref="StreamLimitTests"/>, against StreamResetLive and StreamResetComponentsLive under
/// /test/parity/.
/// </summary>
public sealed class StreamResetTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/stream-reset";
    private const string ItemIds = "() => [...document.querySelectorAll('#thelist > li')].map(e => e.id)";

    private ILocator Items => Page.Locator("#thelist > li");

    /// <summary>Waits for the list to show exactly these DOM ids in this order; a <c>null</c> id matches any item added by Prepend/Append/Insert at 1.</summary>
    private async Task ExpectItemsAsync(params string?[] ids)
    {
        // Each expectation retries until the patch has landed, so a list of unchanged length is not read too early.
        await Assertions.Expect(Items).ToHaveCountAsync(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] is { } id)
            {
                await Assertions.Expect(Items.Nth(i)).ToHaveIdAsync(id);
            }
            else
            {
                await Assertions.Expect(Items.Nth(i)).ToHaveIdAsync(new System.Text.RegularExpressions.Regex("^items-a-"));
            }
        }
    }

    private Task TagAsync(string id) => Page.EvaluateAsync($"() => {{ document.getElementById('{id}').__tag = 'kept'; }}");

    private Task<string?> TagOfAsync(string id) => Page.EvaluateAsync<string?>($"() => document.getElementById('{id}').__tag ?? null");

    [Fact]
    public async Task StreamReset_WithTheItemsInANewOrder_ReordersThemKeepingTheirElementsAndPatchingTheirAttributes()
    {
        await GotoLiveAsync(Path);
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Assertions.Expect(Page.Locator("#items-a")).ToHaveAttributeAsync("data-count", "0");
        await TagAsync("items-a");
        await TagAsync("items-b");

        await Page.ClickAsync("#reorder");

        await ExpectItemsAsync("items-b", "items-a", "items-c", "items-d");
        // A reset keeps the element of an item it streams again and moves it; its attributes are rendered anew.
        foreach (var id in new[] { "items-a", "items-b", "items-c", "items-d" })
        {
            await Assertions.Expect(Page.Locator("#" + id)).ToHaveAttributeAsync("data-count", "1");
        }
        Assert.Equal("kept", await TagOfAsync("items-a"));
        Assert.Equal("kept", await TagOfAsync("items-b"));
        await Assertions.Expect(Items).ToHaveTextAsync(["Bhidedelete", "Ahidedelete", "Chidedelete", "Dhidedelete"]);
    }

    [Fact]
    public async Task StreamReset_WithNewItemsAroundAKeptOne_ShowsExactlyTheNewList()
    {
        await GotoLiveAsync(Path);
        await TagAsync("items-a");

        await Page.ClickAsync("#replace");

        await ExpectItemsAsync("items-e", "items-a", "items-f", "items-g");
        Assert.Equal("kept", await TagOfAsync("items-a"));
    }

    [Fact]
    public async Task StreamReset_AfterAFilter_BringsTheFilteredItemBackInPlace_AndInsertsAfterwardsGoToTheirEnd()
    {
        await GotoLiveAsync(Path);

        await Page.ClickAsync("#filter");
        await ExpectItemsAsync("items-b", "items-c", "items-d");

        await Page.ClickAsync("#prepend");
        await ExpectItemsAsync(null, "items-b", "items-c", "items-d");

        await Page.ClickAsync("#reset");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");

        await Page.ClickAsync("#append");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d", null);
    }

    [Fact]
    public async Task StreamBulkInsert_AtIndexOne_PutsTheItemsInOrderAfterTheFirst()
    {
        await GotoLiveAsync(Path);

        await Page.ClickAsync("#bulk-insert");

        await ExpectItemsAsync("items-a", "items-e", "items-f", "items-g", "items-b", "items-c", "items-d");
    }

    [Fact]
    public async Task StreamBulkInsert_AtMinusOne_AppendsTheItemsInOrder()
    {
        await GotoLiveAsync(Path);

        await Page.ClickAsync("#bulk-insert-negative");

        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d", "items-e", "items-f", "items-g");
    }

    [Fact]
    public async Task StreamInsert_OfAnItemAlreadyShown_UpdatesItInPlaceWhateverItsIndex_UnlessDeletedFirst()
    {
        await GotoLiveAsync(Path);
        await TagAsync("items-c");

        await Page.ClickAsync("#prepend-c");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Page.ClickAsync("#append-c");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Page.ClickAsync("#insert-c-at-one");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        Assert.Equal("kept", await TagOfAsync("items-c"));

        await Page.ClickAsync("#insert-at-one");
        await ExpectItemsAsync("items-a", null, "items-b", "items-c", "items-d");

        await Page.ClickAsync("#reset");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");

        // A delete and an insert of the same item in one render move it.
        await Page.ClickAsync("#move-c-to-one");
        await ExpectItemsAsync("items-a", "items-c", "items-b", "items-d");
    }

    [Fact]
    public async Task StreamReset_OfItemsWithPhxRemove_RestoresTheFilteredItem()
    {
        await GotoLiveAsync(Path + "?phx-remove");
        await Assertions.Expect(Page.Locator("#items-a")).ToHaveAttributeAsync("phx-remove", new System.Text.RegularExpressions.Regex("hide"));

        await Page.ClickAsync("#filter");
        await ExpectItemsAsync("items-b", "items-c", "items-d");

        await Page.ClickAsync("#reset");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        foreach (var id in new[] { "items-a", "items-b", "items-c", "items-d" })
        {
            await Assertions.Expect(Page.Locator("#" + id)).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task StreamItemPhxRemove_OnDeleteAndAroundARejoin_RunsOnlyForItemsThatLeave()
    {
        await GotoLiveAsync(Path + "?phx-remove=transition");
        var removing = new System.Text.RegularExpressions.Regex(@"\bitem-removing\b");

        // A delete runs the item's phx-remove transition, then removes it.
        await Page.ClickAsync("#items-a .delete");
        await Assertions.Expect(Page.Locator("#items-a")).ToHaveClassAsync(removing);
        await Assertions.Expect(Page.Locator("#items-a")).ToHaveCountAsync(0);
        await MarkPageAsync();

        // The rejoin's mount streams A to D again: the items kept from before and the one restored run no transition.
        await DropSocketAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Assertions.Expect(Page.Locator("#thelist > li.item-removing")).ToHaveCountAsync(0);

        // After the restore, a reset that leaves A out runs A's transition alone; a reset bringing it back restores it clean.
        await Page.ClickAsync("#filter");
        await Assertions.Expect(Page.Locator("#items-a")).ToHaveClassAsync(removing);
        await ExpectItemsAsync("items-b", "items-c", "items-d");
        await Assertions.Expect(Page.Locator("#thelist > li.item-removing")).ToHaveCountAsync(0);
        await Page.ClickAsync("#reset");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Assertions.Expect(Page.Locator("#thelist > li.item-removing")).ToHaveCountAsync(0);
        await Page.ClickAsync("#items-d .delete");
        await Assertions.Expect(Page.Locator("#items-d")).ToHaveClassAsync(removing);
        await ExpectItemsAsync("items-a", "items-b", "items-c");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StreamItem_HiddenByAJsCommand_StaysHiddenAfterARejoinWithoutReload()
    {
        await GotoLiveAsync(Path);
        await Page.ClickAsync("#items-a .hide");
        await Assertions.Expect(Page.Locator("#items-a")).ToBeHiddenAsync();
        await MarkPageAsync();

        await DropSocketAsync();

        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        // The rejoin's render shows items-a again; the client re-applies the sticky hide to it.
        await Assertions.Expect(Page.Locator("#items-a")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#items-b")).ToBeVisibleAsync();
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task StreamReset_WithComponentsAsDirectChildren_ReordersThemAndEachStillAnswersItsClicks()
    {
        await GotoLiveAsync("/test/parity/stream-reset-components");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        await Page.ClickAsync("#items-a .click");
        await Assertions.Expect(Page.Locator("#items-a .click")).ToHaveTextAsync("clicks 1");

        await Page.ClickAsync("#reorder");

        await ExpectItemsAsync("items-e", "items-a", "items-f", "items-g");
        await Assertions.Expect(Items).ToHaveTextAsync(["Eclicks 0", "Aclicks 1", "Fclicks 0", "Gclicks 0"]);
        await Page.ClickAsync("#items-f .click");
        await Assertions.Expect(Page.Locator("#items-f .click")).ToHaveTextAsync("clicks 1");
        await Page.ClickAsync("#items-a .click");
        await Assertions.Expect(Page.Locator("#items-a .click")).ToHaveTextAsync("clicks 2");
    }

    [Fact]
    public async Task StreamReset_OfComponentsWithStreamsOfTheirOwn_KeepsTheKeptComponentsReorderedStream()
    {
        await GotoLiveAsync("/test/parity/stream-reset-components?nested");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d");
        foreach (var item in new[] { "a", "b", "c", "d" })
        {
            await ExpectNestedAsync(item, "a", "b", "c", "d");
        }

        await Page.ClickAsync("#items-a .reorder");
        await ExpectNestedAsync("a", "e", "a", "f", "g");
        foreach (var item in new[] { "b", "c", "d" })
        {
            await ExpectNestedAsync(item, "a", "b", "c", "d");
        }

        await Page.ClickAsync("#reorder");

        await ExpectItemsAsync("items-e", "items-a", "items-f", "items-g");
        foreach (var item in new[] { "e", "f", "g" })
        {
            await ExpectNestedAsync(item, "a", "b", "c", "d");
        }
        await ExpectNestedAsync("a", "e", "a", "f", "g");
    }

    [Fact]
    public async Task StreamContainer_WithAnElementThatIsNoItem_KeepsItAfterTheItemsThroughResetAndAppend()
    {
        await GotoLiveAsync(Path + "?empty-item");
        var empty = Page.Locator("#items-empty");
        await ExpectItemsAsync("items-a", "items-b", "items-c", "items-d", "items-empty");
        await Assertions.Expect(empty).ToBeHiddenAsync();

        await Page.ClickAsync("#clear");
        await ExpectItemsAsync("items-empty");
        await Assertions.Expect(empty).ToBeVisibleAsync();

        await Page.ClickAsync("#append");
        await Page.ClickAsync("#append");
        await ExpectItemsAsync(null, null, "items-empty");
        Assert.Equal(["items-a-1", "items-a-2", "items-empty"], await Page.EvaluateAsync<string[]>(ItemIds));
        await Assertions.Expect(empty).ToBeHiddenAsync();
    }

    [Fact]
    public async Task StreamReset_InHandleParamsOnALivePatch_ReplacesTheItemsEachWay()
    {
        await GotoLiveAsync("/test/parity/produce/fruits");
        await MarkPageAsync();
        var produce = Page.Locator("#produce > li");
        await Assertions.Expect(produce).ToHaveTextAsync(["Apples", "Oranges"]);

        await Page.ClickAsync("#switch");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/produce/veggies$"));
        await Assertions.Expect(Page.Locator("#category")).ToHaveTextAsync("veggies");
        await Assertions.Expect(produce).ToHaveTextAsync(["Carrots", "Tomatoes"]);

        await Page.ClickAsync("#switch");
        await Assertions.Expect(Page.Locator("#category")).ToHaveTextAsync("fruits");
        await Assertions.Expect(produce).ToHaveTextAsync(["Apples", "Oranges"]);
        await AssertNotReloadedAsync();
    }

    /// <summary>Waits for the nested stream of <c>items-{item}</c> to show exactly these items, in order.</summary>
    private async Task ExpectNestedAsync(string item, params string[] nested)
    {
        var children = Page.Locator($"#items-{item}-nested > div");
        await Assertions.Expect(children).ToHaveTextAsync(nested.Select(n => "N-" + n.ToUpperInvariant()).ToArray());
        Assert.Equal(
            nested.Select(n => $"nested-items-{item}-{n}").ToArray(),
            await children.EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
    }
}
