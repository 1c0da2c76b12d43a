namespace Rekindle.Browser.Tests;

public sealed class ListTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string ItemIds = "() => [...document.querySelectorAll('#items li')].map(e => e.id)";

    [Fact]
    public async Task KeyedList_AddReverseRemoveFirst_PatchesItemsInOrder()
    {
        await GotoLiveAsync("/test/list");
        var items = Page.Locator("#items li");
        await Assertions.Expect(items).ToHaveTextAsync(["Milk", "Eggs"]);
        Assert.Equal(["item-1", "item-2"], await Page.EvaluateAsync<string[]>(ItemIds));
        // Keyed items are moved, not rebuilt: a property set on an element survives the reorder.
        await Page.EvaluateAsync("() => { document.getElementById('item-1').__tag = 'kept'; }");

        await Page.ClickAsync("#add");
        await Assertions.Expect(Page.Locator("#item-3")).ToHaveTextAsync("Item 3");
        await Assertions.Expect(items).ToHaveTextAsync(["Milk", "Eggs", "Item 3"]);
        Assert.Equal(["item-1", "item-2", "item-3"], await Page.EvaluateAsync<string[]>(ItemIds));

        await Page.ClickAsync("#reverse");
        await Assertions.Expect(items).ToHaveTextAsync(["Item 3", "Eggs", "Milk"]);
        Assert.Equal(["item-3", "item-2", "item-1"], await Page.EvaluateAsync<string[]>(ItemIds));
        Assert.Equal("kept", await Page.EvaluateAsync<string>("() => document.getElementById('item-1').__tag"));

        await Page.ClickAsync("#remove-first");
        await Assertions.Expect(items).ToHaveTextAsync(["Eggs", "Milk"]);
        Assert.Equal(["item-2", "item-1"], await Page.EvaluateAsync<string[]>(ItemIds));
        Assert.Equal(0, await Page.Locator("#item-3").CountAsync());
    }
}
