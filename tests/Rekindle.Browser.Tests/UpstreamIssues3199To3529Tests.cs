using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Phoenix's end-to-end issue specs 3199 (its third case) to 3529 against the views of
/// <c>Rekindle.TestApp.Parity.IssuesA</c>: live navigation with <c>cascadePhxRemoveOnNavigation</c>
/// off runs only the container's <c>phx-remove</c> (3199), a required multi-file upload submits
/// (3319), a drop after <c>too_many_files</c> replaces the entries of a component's upload (3368), a
/// refused auto upload neither locks the form nor is submitted (3391), a patch of a locked form keeps
/// the focus a JS command moved (3448), a hook on an element whose id a removed sticky view used
/// mounts again (3496) and back/forward over a patch and a live navigation remount only across the
/// navigation (3529).
/// </summary>
public sealed class UpstreamIssues3199To3529Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static FilePayload File(string name, string mimeType = "text/plain") =>
        new() { Name = name, MimeType = mimeType, Buffer = Encoding.UTF8.GetBytes(name) };

    [Fact]
    public async Task Issue3199_LiveNavigationWithoutCascadingPhxRemove_RunsOnlyTheContainersTransition()
    {
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {cascadePhxRemoveOnNavigation: false}}");
        await GotoLiveAsync("/test/parity/issue-3199");
        await Assertions.Expect(Page.Locator("#items > li")).ToHaveCountAsync(2);
        await MarkPageAsync();

        // What the page shows when the container's transition starts, read by an observer (an
        // auto-waiting assertion would also pass once the old page is gone).
        await Page.EvaluateAsync("""
            () => { window.removal = new Promise(resolve => new MutationObserver((_, observer) => {
              if (!document.querySelector("[data-phx-main].view-removing")) return;
              observer.disconnect();
              // The next frame: the client applies each element's transition classes in a frame callback of its own.
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(
                `${document.querySelectorAll("#items > li").length} items, ${document.querySelectorAll("#items > li.item-removing").length} removing`)));
            }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["class"]})); }
            """);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Navigate away" }).ClickAsync();

        Assert.Equal("2 items, 0 removing", await Page.EvaluateAsync<string>("() => window.removal"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Away" })).ToBeVisibleAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3319_RequiredUploadOfTwoFiles_IsSubmittedAndConsumesBoth()
    {
        await GotoLiveAsync("/test/parity/issue-3319");
        var form = Page.Locator("#upload-form");

        await form.Locator("input[type='file']").SetInputFilesAsync([File("first.txt"), File("second.txt")]);
        await Assertions.Expect(form.Locator(".upload-entry")).ToHaveCountAsync(2);
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#submitted")).Not.ToBeEmptyAsync();
        var submitted = (await Page.Locator("#submitted").TextContentAsync() ?? "").Split(',').Order();
        Assert.Equal(["first.txt", "second.txt"], submitted);
    }

    private async Task DropAsync(params string[] names)
    {
        var transfer = await Page.EvaluateHandleAsync(
            "names => { const dt = new DataTransfer(); names.forEach(n => dt.items.add(new File([n], n, {type: 'image/png'}))); return dt; }",
            names);
        await Page.DispatchEventAsync("#dropzone", "drop", new { dataTransfer = transfer });
        await transfer.DisposeAsync();
    }

    [Fact]
    public async Task Issue3368_DropAfterTooManyFilesOnAComponentsUpload_ReplacesTheEntriesAndClearsTheError()
    {
        await GotoLiveAsync("/test/parity/issue-3368");

        await DropAsync("first.png", "second.png");
        await Assertions.Expect(Page.Locator(".upload-error")).ToHaveTextAsync("too_many_files");

        await DropAsync("replacement.png");

        await Assertions.Expect(Page.Locator(".upload-error")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".upload-entry")).ToHaveTextAsync("replacement.png");
    }

    [Fact]
    public async Task Issue3391_SubmitWithARefusedAutoUpload_LeavesTheFormUsableAndSubmitsNothing()
    {
        await GotoLiveAsync("/test/parity/issue-3391");
        var form = Page.Locator("#upload-form");
        var input = form.Locator("input[type='file']");
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "Submit" });

        await input.SetInputFilesAsync(File("invalid.html", "text/html"));
        var failed = form.Locator(".upload-entry");
        await Assertions.Expect(failed.Locator(".upload-error")).ToHaveTextAsync("not_accepted");

        await submit.ClickAsync();

        await Assertions.Expect(form).Not.ToHaveClassAsync(new Regex("phx-submit-loading"));
        await Assertions.Expect(submit).ToBeEnabledAsync();
        var cancel = failed.GetByRole(AriaRole.Button, new() { Name = "Cancel" });
        await Assertions.Expect(cancel).ToBeEnabledAsync();
        await Assertions.Expect(failed.Locator(".upload-error")).ToHaveTextAsync("not_accepted");

        // The cancel is answered after anything the submit sent, so "false" then is final.
        await cancel.ClickAsync();
        await Assertions.Expect(failed).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: false");

        await input.SetInputFilesAsync(File("valid.txt"));
        await Assertions.Expect(Page.Locator("#uploaded")).ToHaveTextAsync("uploaded: true");
        await submit.ClickAsync();
        await Assertions.Expect(Page.Locator("#submitted")).ToHaveTextAsync("submitted: true");
    }

    [Fact]
    public async Task Issue3448_PatchOfALockedFormUnderLatency_KeepsTheFocusAJsCommandMoved()
    {
        await GotoLiveAsync("/test/parity/issue-3448");
        await Page.EvaluateAsync("() => liveSocket.enableLatencySim(500)");
        var search = Page.Locator("input#search");

        await Page.Locator("input[type=checkbox]").First.CheckAsync();
        await Assertions.Expect(search).ToBeFocusedAsync();

        await Assertions.Expect(Page.Locator("#my_form").GetByText("settings", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".phx-change-loading, [data-phx-ref-lock]")).ToHaveCountAsync(0);
        await Assertions.Expect(search).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Issue3496_HookOnAnIdARemovedStickyViewUsed_MountsOnTheNextPage()
    {
        var console = new ConcurrentQueue<string>();
        Page.Console += (_, message) => console.Enqueue(message.Text);
        // The app's scripts replace window.Rekindle.hooks, so the hook joins whatever object they set.
        await Context.AddInitScriptAsync("""
            (() => {
              const MyHook = {mounted() { window.myHookMounts = (window.myHookMounts || 0) + 1; console.log("Hook mounted!"); }};
              let hooks = {MyHook};
              window.Rekindle = {};
              Object.defineProperty(window.Rekindle, "hooks", {get: () => hooks, set: value => { hooks = {...value, MyHook}; }, enumerable: true});
            })();
            """);
        await GotoLiveAsync("/test/parity/issue-3496/a");
        await Page.WaitForFunctionAsync("() => window.myHookMounts === 1");
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to page B" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Page B");
        await Page.WaitForFunctionAsync("() => window.myHookMounts === 2");
        await Assertions.Expect(Page.Locator("#my-component")).ToHaveCountAsync(1);
        Assert.Equal(2, console.Count(text => text.Contains("Hook mounted!", StringComparison.Ordinal)));
        Assert.DoesNotContain(console, text => text.Contains("no hook found", StringComparison.Ordinal));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3529_BackAndForwardOverAPatchAndANavigation_RemountOnlyAcrossTheNavigation()
    {
        await GotoLiveAsync("/test/parity/issue-3529");
        await MarkPageAsync();
        var heading = Page.Locator("h1");
        var navigate = Page.GetByRole(AriaRole.Link, new() { Name = "Navigate" });
        var first = await heading.TextContentAsync();

        await navigate.ClickAsync();
        await Assertions.Expect(heading).Not.ToHaveTextAsync(first!);
        var second = await heading.TextContentAsync();

        var before = await navigate.GetAttributeAsync("href");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Patch" }).ClickAsync();
        await Assertions.Expect(navigate).Not.ToHaveAttributeAsync("href", before!);
        await Assertions.Expect(heading).ToHaveTextAsync(second!);

        // Back over the patch: the same mount.
        before = await navigate.GetAttributeAsync("href");
        await Page.GoBackAsync();
        await Assertions.Expect(navigate).Not.ToHaveAttributeAsync("href", before!);
        await Assertions.Expect(heading).ToHaveTextAsync(second!);

        // Back over the navigation: a new mount.
        await Page.GoBackAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/issue-3529$"));
        await Assertions.Expect(heading).Not.ToHaveTextAsync(second!);

        await Page.GoForwardAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/issue-3529\?param="));
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        var third = await heading.TextContentAsync();
        Assert.NotEqual(second, third);

        await Page.GoBackAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/issue-3529$"));
        await Assertions.Expect(heading).Not.ToHaveTextAsync(third!);
        await AssertNotReloadedAsync();
    }
}
