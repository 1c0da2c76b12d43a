using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Phoenix's end-to-end issue specs 2787 to 3194 against the views of
/// <c>Rekindle.TestApp.Parity.IssuesA</c>: a submit that resets dependent selects (2787), the
/// files an auto upload consumed counting against its limit in total mode (2835), a hook
/// uploading many files a few at a time as the upload's progress callback reports each done (2965), a form
/// component removed and added again while its events race (3026), a modal's click-away, Escape and
/// drag out of its input (3040), a sticky view's stream through live navigation (3047), server-set
/// values of a focused and then blurred multiple select (3083), a select's choice through a patch of
/// its form (3107), components with an async value and a static part after a live navigation (3117),
/// nested components a self-sent update renders again (3169) and a blur-debounced change of a form
/// whose submit navigates away (3194).
/// </summary>
public sealed class UpstreamIssues2787To3194Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>Waits until no element waits for a reply to an event (the client's loading classes).</summary>
    private Task SyncAsync() =>
        Assertions.Expect(Page.Locator(".phx-change-loading, .phx-submit-loading, .phx-click-loading")).ToHaveCountAsync(0);

    private static Task<string[]> ValuesAsync(ILocator options) =>
        options.EvaluateAllAsync<string[]>("list => list.map(option => option.value)");

    [Fact]
    public async Task Issue2835_TotalModeAutoUploadConsumedAsItFinishes_KeepsCountingTheConsumedFiles()
    {
        await GotoLiveAsync("/test/parity/issue-2835");
        var input = Page.Locator("#upload-form input[type='file']");
        static FilePayload Text(string name) => new() { Name = name, MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(name) };
        var uploaded = Page.Locator("#uploaded-files li");
        var pending = Page.Locator(".upload-entry");
        var errors = Page.Locator(".upload-error");

        await input.SetInputFilesAsync([Text("first.txt"), Text("second.txt"), Text("third.txt")]);

        await Assertions.Expect(uploaded).ToHaveTextAsync(["first.txt", "second.txt"]);
        await Assertions.Expect(pending).ToHaveTextAsync(["third.txt: 0%"]);
        await Assertions.Expect(errors).ToHaveTextAsync(["too_many_files"]);

        await input.SetInputFilesAsync(Text("fourth.txt"));

        await Assertions.Expect(pending).ToHaveCountAsync(2);
        Assert.Equal(["fourth.txt", "third.txt"], (await pending.EvaluateAllAsync<string[]>("list => list.map(e => e.dataset.name)")).Order(StringComparer.Ordinal));
        await Assertions.Expect(uploaded).ToHaveTextAsync(["first.txt", "second.txt"]);
        await Assertions.Expect(errors).ToHaveTextAsync(["too_many_files"]);
    }

    [Fact]
    public async Task Issue2965_HookQueuingUploadsOnTheProgressCallbacksEvent_UploadsEveryFile()
    {
        // As in Phoenix, a done entry's channel stays joined until consumed; these are not, so the
        // closing page's client reports each of them as failing to push its progress.
        ExpectConsoleError("Failed to push file progress .*no connection");
        await GotoLiveAsync("/test/parity/issue-2965");
        var files = Enumerable.Range(1, 20)
            .Select(i => new FilePayload { Name = $"file{i}.txt", MimeType = "text/plain", Buffer = UploadFaults.RandomBytes(100 * 1024) })
            .ToArray();

        await Page.Locator("#fileinput").SetInputFilesAsync(files);

        var rows = Page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20, new() { Timeout = 30_000 });
        for (var i = 0; i < 20; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToContainTextAsync($"file{i + 1}.txt");
            await Assertions.Expect(rows.Nth(i).Locator("progress")).ToHaveAttributeAsync("value", "100");
        }
        await Assertions.Expect(Page.Locator("#fileinput")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task Issue2787_SubmitOfDependentSelects_ClearsBothAndTheSecondFollowsTheFirstAgain()
    {
        await GotoLiveAsync("/test/parity/issue-2787");
        var select1 = Page.Locator("#demo_select1");
        var select2 = Page.Locator("#demo_select2");
        await Assertions.Expect(select1).ToHaveValueAsync("");
        Assert.Equal(["", "greetings", "goodbyes"], await ValuesAsync(select1.Locator("option")));
        await Assertions.Expect(select2).ToHaveValueAsync("");
        Assert.Equal([""], await ValuesAsync(select2.Locator("option")));

        await select1.SelectOptionAsync("greetings");
        await Assertions.Expect(select2.Locator("option")).ToHaveCountAsync(4);
        Assert.Equal(["", "hello", "hallo", "hei"], await ValuesAsync(select2.Locator("option")));
        await select2.SelectOptionAsync("hei");
        await SyncAsync();

        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(select1).ToHaveValueAsync("");
        await Assertions.Expect(select2).ToHaveValueAsync("");
        await Assertions.Expect(select2.Locator("option")).ToHaveCountAsync(1);

        await select1.SelectOptionAsync("goodbyes");
        await Assertions.Expect(select2.Locator("option")).ToHaveCountAsync(4);
        Assert.Equal(["", "goodbye", "auf wiedersehen", "ha det bra"], await ValuesAsync(select2.Locator("option")));
    }

    [Fact]
    public async Task Issue3026_ComponentRemovedAndAddedAgainWhileItsEventsRace_RendersItsFormEachTime()
    {
        await GotoLiveAsync("/test/parity/issue-3026");
        var name = Page.Locator("input[name='name']");
        await Assertions.Expect(name).ToHaveValueAsync("John");
        await MarkPageAsync();

        // The submit removes the component; the view's message 200 ms later renders it again.
        await Page.Locator("button").ClickAsync();
        await Assertions.Expect(Page.Locator(".status")).ToHaveTextAsync("loading");
        await Assertions.Expect(name).ToBeVisibleAsync();
        await Assertions.Expect(name).ToHaveValueAsync("John");

        var status = Page.Locator("select[name='status']");
        for (var i = 0; i < 5; i++)
        {
            await status.SelectOptionAsync("connecting");
            await Assertions.Expect(name).ToBeHiddenAsync();
            await status.SelectOptionAsync("loaded");
            await Assertions.Expect(name).ToBeVisibleAsync();
            await Assertions.Expect(name).ToHaveValueAsync("John");
        }
        await AssertNotReloadedAsync();
        // An error the client throws fails the test when it is disposed (BrowserTest).
    }

    private async Task<ILocator> OpenModalAsync()
    {
        await GotoLiveAsync("/test/parity/issue-3040");
        await MarkPageAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add new" }).ClickAsync();
        var modal = Page.Locator("#my-modal-container");
        await Assertions.Expect(modal).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("input[name='name']")).ToBeFocusedAsync();
        return modal;
    }

    [Fact]
    public async Task Issue3040_SubmitOfTheModalsForm_IsNoClickAwayButAClickOutsideCloses()
    {
        var modal = await OpenModalAsync();

        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.Locator("#modal-form")).ToHaveTextAsync("Form was submitted!");
        await Assertions.Expect(modal).ToBeVisibleAsync();

        await Page.Mouse.ClickAsync(0, 0);

        await Assertions.Expect(modal).ToBeHiddenAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3040$"));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3040_DragFromTheInputToOutsideTheModal_KeepsItOpenAndEscapeCloses()
    {
        var modal = await OpenModalAsync();
        var input = Page.Locator("input[name='name']");
        await input.FillAsync("test");
        var box = await input.BoundingBoxAsync() ?? throw new InvalidOperationException("The input has no box.");
        var y = box.Y + (box.Height / 2);

        // Pressed inside the input, released outside the modal's box: that is no click away.
        await Page.Mouse.MoveAsync(box.X + (box.Width / 2), y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(2, y);
        await Page.Mouse.UpAsync();
        await Page.Keyboard.PressAsync("Backspace");

        await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(modal).ToBeVisibleAsync();

        await Page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(modal).ToBeHiddenAsync();
        await AssertNotReloadedAsync();
    }

    private Task<string[]> StreamIdsAsync() =>
        Page.Locator("[phx-update='stream'] > span").EvaluateAllAsync<string[]>("list => list.map(el => el.id)");

    [Fact]
    public async Task Issue3047_StreamOfAStickyView_IsKeptThroughLiveNavigation()
    {
        await GotoLiveAsync("/test/parity/issue-3047/a");
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("Page A");
        await Assertions.Expect(Page.Locator("[phx-update='stream'] > span")).ToHaveCountAsync(10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"items-{i}"), await StreamIdsAsync());
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[phx-update='stream'] > span")).ToHaveCountAsync(11);
        var reset = Enumerable.Range(5, 11).Select(i => $"items-{i}").ToArray();
        Assert.Equal(reset, await StreamIdsAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "Page B" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("Page B");
        await Assertions.Expect(Page.Locator("[data-phx-session]:not(.phx-connected)")).ToHaveCountAsync(0);
        Assert.Equal(reset, await StreamIdsAsync());
        await AssertNotReloadedAsync();
    }

    private Task SelectFromServerAsync(string ids) =>
        Page.EvaluateAsync("ids => liveSocket.js().push(liveSocket.main.el, 'select', {value: {ids}})", ids);

    [Fact]
    public async Task Issue3083_ServerSetValuesOfAMultipleSelect_WaitWhileItIsFocusedAndApplyOnceBlurred()
    {
        await GotoLiveAsync("/test/parity/issue-3083");
        var select = Page.Locator("select");
        var updates = Page.Locator("#updates");
        await Assertions.Expect(select).ToHaveValuesAsync(Array.Empty<string>());

        await SelectFromServerAsync("1,2");
        await Assertions.Expect(select).ToHaveValuesAsync(["1", "2"]);
        await SelectFromServerAsync("2,3");
        await Assertions.Expect(select).ToHaveValuesAsync(["2", "3"]);

        await select.ClickAsync(new() { Position = new() { X = 1, Y = 1 } });
        await Assertions.Expect(select).ToHaveValuesAsync(["1"]);
        await SyncAsync();
        await SelectFromServerAsync("1,2");
        await Assertions.Expect(updates).ToHaveTextAsync("3");
        // Focused: the client keeps what the user chose.
        await Assertions.Expect(select).ToHaveValuesAsync(["1"]);

        await Page.Mouse.ClickAsync(700, 500);
        await Assertions.Expect(select).Not.ToBeFocusedAsync();
        await Assertions.Expect(select).ToHaveValuesAsync(["1"]);
        await SelectFromServerAsync("3,4");
        await Assertions.Expect(updates).ToHaveTextAsync("4");

        await Assertions.Expect(select).Not.ToBeFocusedAsync();
        await Assertions.Expect(select).ToHaveValuesAsync(["3", "4"]);
    }

    [Fact]
    public async Task Issue3107_PatchOfTheFormAfterASelectChange_KeepsTheChosenOption()
    {
        await GotoLiveAsync("/test/parity/issue-3107");
        var select = Page.Locator("select");
        await Assertions.Expect(select).ToHaveValueAsync("ONE");

        await select.FocusAsync();
        await select.SelectOptionAsync("TWO");

        await Assertions.Expect(Page.Locator("button")).ToBeEnabledAsync();
        await Assertions.Expect(select).ToHaveValueAsync("TWO");
    }

    [Fact]
    public async Task Issue3117_ComponentsWithAsyncValueAndStaticPart_RenderThePartAfterLiveNavigation()
    {
        await GotoLiveAsync("/test/parity/issue-3117");
        await Assertions.Expect(Page.Locator("#row-2")).ToContainTextAsync("Example LC Row bar");
        await MarkPageAsync();

        await Page.Locator("#navigate").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/issue-3117\?nav$"));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        foreach (var row in new[] { "#row-1", "#row-2" })
        {
            await Assertions.Expect(Page.Locator(row)).ToContainTextAsync("Example LC Row bar");
            await Assertions.Expect(Page.Locator($"{row} .static")).ToBeVisibleAsync();
            await Assertions.Expect(Page.Locator($"{row} .static")).ToHaveTextAsync("static content");
        }
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3169_NestedComponentsRenderedAgainByASelfSentUpdate_ShowTheNewRecordEverywhere()
    {
        await GotoLiveAsync("/test/parity/issue-3169");
        var inputs = Page.Locator("input[type='text']");
        foreach (var name in new[] { "a", "b", "z" })
        {
            await Page.Locator($"#select-{name}").ClickAsync();
            await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("FormColumn (c3)");
            await Assertions.Expect(inputs).ToHaveCountAsync(3);
            for (var i = 0; i < 3; i++)
            {
                await Assertions.Expect(inputs.Nth(i)).ToHaveValueAsync($"Record {name}");
            }
        }
    }

    [Fact]
    public async Task Issue3194_SubmitThatNavigatesAwayFromABlurDebouncedInput_SendsNothingToTheNextView()
    {
        await GotoLiveAsync("/test/parity/issue-3194");
        await MarkPageAsync();

        await Page.Locator("input").FocusAsync();
        await Page.Keyboard.TypeAsync("hello");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3194/other$"));
        await Assertions.Expect(Page.Locator("h2")).ToHaveTextAsync("Another LiveView");
        await Page.Locator("#ping").ClickAsync();
        await Assertions.Expect(Page.Locator("#pings")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#strays")).ToHaveTextAsync("0");
        await AssertNotReloadedAsync();
    }
}
