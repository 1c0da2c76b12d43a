namespace Rekindle.Browser.Tests;

/// <summary>
/// A list of inputs added, removed and kept in order through sort and drop fields of the form itself,
/// by buttons dispatching <c>change</c> or by checkboxes, and its form recovery (docs/protocol.md §5.3),
/// as Phoenix's forms spec checks them, against DynamicInputsLive at /test/parity/dynamic-inputs.
/// </summary>
public sealed class DynamicInputsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Path = "/test/parity/dynamic-inputs";

    /// <summary>The form's fields as the browser would submit them, one <c>name=value</c> per field (the last value of a repeated name).</summary>
    private Task<Dictionary<string, string>> FormDataAsync() =>
        Page.Locator("form").EvaluateAsync<Dictionary<string, string>>("form => Object.fromEntries(new FormData(form).entries())");

    private async Task ExpectUserNamesAsync(params string[] names)
    {
        await Assertions.Expect(Page.Locator("input[name^='my_form[users]']")).ToHaveCountAsync(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            await Assertions.Expect(Page.Locator($"#my-form_users_{i}_name")).ToHaveValueAsync(names[i]);
        }
    }

    [Fact]
    public async Task DynamicInputs_AddedAndRemovedThroughSortAndDropFields_KeepTheOthersInOrder()
    {
        var add = Page.GetByRole(AriaRole.Button, new() { Name = "add more" });
        await GotoLiveAsync(Path);
        Assert.Equal(new Dictionary<string, string> { ["my_form[name]"] = "", ["my_form[users_drop][]"] = "" }, await FormDataAsync());

        await Page.FillAsync("#my-form_name", "Test");
        await add.ClickAsync();
        await ExpectUserNamesAsync("");
        await Page.FillAsync("#my-form_users_0_name", "User A");
        await add.ClickAsync();
        await ExpectUserNamesAsync("User A", "");
        await add.ClickAsync();
        await ExpectUserNamesAsync("User A", "", "");
        await Page.FillAsync("#my-form_users_1_name", "User B");
        await Page.FillAsync("#my-form_users_2_name", "User C");
        await Assertions.Expect(Page.Locator("#my-form_users_2_name")).ToHaveValueAsync("User C");

        await Page.ClickAsync("button[name='my_form[users_drop][]'][value='1']");

        await ExpectUserNamesAsync("User A", "User C");
        var data = await FormDataAsync();
        Assert.Equal("Test", data["my_form[name]"]);
        Assert.Equal("", data["my_form[users_drop][]"]);
        Assert.False(data.ContainsKey("my_form[users][2][name]"));
    }

    [Fact]
    public async Task DynamicInputs_AddedAndRemovedThroughCheckboxes_KeepTheOthersInOrder()
    {
        var addMore = Page.Locator("label", new() { HasText = "add more" });
        var addMoreBox = addMore.Locator("input");
        await GotoLiveAsync(Path + "?checkboxes=1");
        Assert.Equal(new Dictionary<string, string> { ["my_form[name]"] = "", ["my_form[users_drop][]"] = "" }, await FormDataAsync());

        await addMore.ClickAsync();
        await ExpectUserNamesAsync("");
        // The server never renders the box checked, so its part of the render never changes and the
        // patch leaves the box as the user left it, as Phoenix's diff of the same form does: checked, it
        // would add a user with every change, so the user unchecks it.
        await Assertions.Expect(addMoreBox).ToBeCheckedAsync();
        await addMore.ClickAsync();
        await Page.FillAsync("#my-form_name", "Test");
        await Page.FillAsync("#my-form_users_0_name", "User A");
        await addMore.ClickAsync();
        await ExpectUserNamesAsync("User A", "");
        await addMore.ClickAsync();
        await Page.FillAsync("#my-form_users_1_name", "User B");
        await addMore.ClickAsync();
        await ExpectUserNamesAsync("User A", "User B", "");
        await addMore.ClickAsync();
        await Page.FillAsync("#my-form_users_2_name", "User C");
        await Assertions.Expect(addMoreBox).Not.ToBeCheckedAsync();

        await Page.Locator("input[name='my_form[users_drop][]'][value='1']").ClickAsync();

        await ExpectUserNamesAsync("User A", "User C");
        var data = await FormDataAsync();
        Assert.Equal(("Test", ""), (data["my_form[name]"], data["my_form[users_drop][]"]));
    }

    [Fact]
    public async Task FormRecovery_OfDynamicallyAddedInputs_DoesNotAddThemAgain()
    {
        await GotoLiveAsync(Path);
        await Page.FillAsync("#my-form_name", "Test");
        await Page.GetByRole(AriaRole.Button, new() { Name = "add more" }).ClickAsync();
        await ExpectUserNamesAsync("");
        await Page.FillAsync("#my-form_users_0_name", "User A");
        await Assertions.Expect(Page.Locator("#my-form_users_0_name")).ToHaveValueAsync("User A");
        await MarkPageAsync();

        await DropSocketAsync();

        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await ExpectUserNamesAsync("User A");
        await Assertions.Expect(Page.Locator("#my-form_name")).ToHaveValueAsync("Test");
        Assert.False((await FormDataAsync()).ContainsKey("my_form[users][1][name]"));
        await AssertNotReloadedAsync();
    }
}
