using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Phoenix's end-to-end issue specs 4027 to 4121 against the IssuesC views under /test/parity/: a keyed
/// list in a component shortened by async work (4027), a hook pushing to a component that is gone (4066),
/// a file input's <c>disabled</c> and <c>class</c> patched while it keeps its selection (4078),
/// a component's element locked by a burst of its own events (4088), a redirect from
/// <c>HandleParamsAsync</c> on a live patch (4094), a portal's button patched while its form changes
/// under latency (4095), a debounced input outside its form (4102), a teleported plain form submitted
/// from outside (4107) and a teleported stream reset (4121). Any page error fails a test (BrowserTest).
/// </summary>
public sealed class UpstreamIssues4027To4121Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    public async Task Issue4027_KeyedListInAComponentShortenedByAsyncWork_DropsOnlyTheRemovedEntry(string variant)
    {
        await GotoLiveAsync("/test/parity/issue-4027?case=" + variant);
        var entries = Page.Locator("#result p");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Load data" }).ClickAsync();
        await Assertions.Expect(entries).ToHaveTextAsync(["First", "Second", "Third"]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove first entry" }).ClickAsync();

        await Assertions.Expect(entries).ToHaveTextAsync(["Second", "Third"]);
    }

    [Fact]
    public async Task Issue4066_HookPushingToARemovedComponent_IsIgnoredWithoutARemount()
    {
        await GotoLiveAsync("/test/parity/issue-4066");
        var mountedAt = await Page.Locator("#render-time").TextContentAsync();
        await MarkPageAsync();
        await Page.Locator("input").FillAsync("123");
        await Page.Locator("button").ClickAsync();
        await Assertions.Expect(Page.Locator("input")).ToHaveCountAsync(0);

        await Page.EvaluateAsync("() => window.issue4066Push()");
        await Assertions.Expect(Page.Locator("body")).ToHaveAttributeAsync("data-pushed", "yes");
        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(Page.Locator("input")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#render-time")).ToHaveTextAsync(mountedAt!);
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue4078_FileInputDisabledAttributeChanges_ArePatched()
    {
        await GotoLiveAsync("/test/parity/issue-4078");
        var input = Page.Locator("#upload-form input[type='file']");
        await Assertions.Expect(input).ToBeDisabledAsync();

        await Page.ClickAsync("#toggle-disabled");
        await Assertions.Expect(input).ToBeEnabledAsync();
        await Page.ClickAsync("#toggle-disabled");

        await Assertions.Expect(input).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Issue4078_FileInputClassChangesAfterAFileWasChosen_KeepTheChosenFile()
    {
        await GotoLiveAsync("/test/parity/issue-4078");
        var input = Page.Locator("#upload-form input[type='file']");
        await Assertions.Expect(input).ToHaveClassAsync("initial-class");
        await Page.ClickAsync("#toggle-disabled");
        await Assertions.Expect(input).ToBeEnabledAsync();
        await input.SetInputFilesAsync(new FilePayload { Name = "test.txt", MimeType = "text/plain", Buffer = "test content"u8.ToArray() });
        await Assertions.Expect(Page.Locator(".upload-entry .entry-name")).ToHaveTextAsync("test.txt");

        await Page.ClickAsync("#toggle-class");

        await Assertions.Expect(input).ToHaveClassAsync("updated-class");
        await Assertions.Expect(Page.Locator(".upload-entry .entry-name")).ToHaveTextAsync("test.txt");
        await Page.ClickAsync("#toggle-class");
        await Assertions.Expect(input).ToHaveClassAsync("initial-class");
    }

    [Fact]
    public async Task Issue4088_ThreeEventsToALockedComponentElement_AreAllPatchedWithoutErrors()
    {
        await GotoLiveAsync("/test/parity/issue-4088");

        await Assertions.Expect(Page.Locator("#foo")).ToHaveTextAsync("updates 3");
        await Assertions.Expect(Page.Locator("[data-phx-ref-lock]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Issue4094_RedirectFromHandleParamsOnALivePatch_LoadsTheTargetWithoutErrors()
    {
        await GotoLiveAsync("/test/parity/issue-4094");

        await Page.ClickAsync("a");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/parity/dead$"));
        await Assertions.Expect(Page.Locator("#dead")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Issue4095_PortalButtonUnderLatencyWhileTheFormChanges_KeepsItsContent()
    {
        await GotoLiveAsync("/test/parity/issue-4095");
        await Assertions.Expect(Page.Locator("button")).ToBeVisibleAsync();
        await Page.EvaluateAsync("() => liveSocket.enableLatencySim(50)");

        await Page.Locator("input").FillAsync("1");
        await Page.Locator("input").FillAsync("12");
        await Assertions.Expect(Page.Locator(".phx-change-loading")).ToHaveCountAsync(0);

        await Assertions.Expect(Page.Locator("#portal_target button")).ToHaveTextAsync("Show?");
        await Assertions.Expect(Page.Locator("button")).Not.ToHaveAttributeAsync("data-phx-skip", new Regex(".*"));
        await Page.EvaluateAsync("() => liveSocket.disableLatencySim()");
    }

    [Fact]
    public async Task Issue4102_DebouncedInputOutsideItsForm_IsSubmittedWithoutErrors()
    {
        await GotoLiveAsync("/test/parity/issue-4102");

        await Page.Locator("input").FillAsync("123");
        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("123");
        await Assertions.Expect(Page.Locator("button")).ToHaveTextAsync("Submit");
    }

    [Fact]
    public async Task Issue4107_TeleportedPlainFormSubmittedFromOutside_PostsToItsAction()
    {
        await GotoLiveAsync("/test/parity/issue-4107");
        await Assertions.Expect(Page.Locator("body > #test-form")).ToHaveCountAsync(1);

        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/test/parity/issue-4107/api$"));
        await Assertions.Expect(Page.Locator("body")).ToHaveTextAsync("submitted");
    }

    [Fact]
    public async Task Issue4121_TeleportedStreamReset_LeavesOnlyTheNewItem()
    {
        await GotoLiveAsync("/test/parity/issue-4121");
        var items = Page.Locator("#stream-in-lv > *");
        await Assertions.Expect(items).ToHaveTextAsync(["Item 1", "Item 2"]);
        Assert.Equal(new[] { "items-1", "items-2" }, await items.EvaluateAllAsync<string[]>("list => list.map(el => el.id)"));

        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(items).ToHaveTextAsync(["Item 3"]);
        Assert.Equal(new[] { "items-3" }, await items.EvaluateAllAsync<string[]>("list => list.map(el => el.id)"));
    }
}
