using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Behaviours protected by Phoenix's end-to-end issue specs 3530 to 3686, against the views of
/// <c>Parity/IssuesB</c> under /test/parity/issue-NNNN: hooks of nested views in a stream through
/// resets and inserts (3530); a sticky view navigating the page (3612); Tab into a focus wrap from
/// a click beside it (3636); an auto upload started by a hook as another form changes (3647); a hooked element whose id changes leaves no hook behind (3651);
/// <c>phx-click-loading</c> removed from a sticky view's navigate link (3656); a sticky view's
/// <c>phx-remove</c> element kept through navigation (3658); a sticky view's stream kept when another
/// page declares a stream of the same name twice (3681); a component's patch to a form locked by the
/// view's change event (3684); the flash carried across live navigation, a redirect and a navigation
/// to another route group (3686).
/// </summary>
public sealed class UpstreamIssues3530To3686Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private Task<string[]> Issue3530LogAsync() => Page.EvaluateAsync<string[]>("() => window.issue3530Log");

    [Fact]
    public async Task Issue3530_NestedViewsInAStream_MountAndDestroyTheirHooksOnce()
    {
        await GotoLiveAsync("/test/parity/issue-3530");
        await Page.WaitForFunctionAsync("() => window.issue3530Log.length >= 3");
        Assert.Equal(["test-hook-1 mounted", "test-hook-2 mounted", "test-hook-3 mounted"], (await Issue3530LogAsync()).Order());
        await MarkPageAsync();
        await Page.EvaluateAsync("() => { window.issue3530Log = []; }");

        await Page.GetByRole(AriaRole.Link, new() { Name = "patch a" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#stream-list > [data-phx-session]")).ToHaveCountAsync(2);
        await Page.WaitForFunctionAsync("() => window.issue3530Log.includes('test-hook-2 destroyed')");

        await Page.GetByRole(AriaRole.Link, new() { Name = "patch b" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#test-hook-2")).ToBeAttachedAsync();
        await Page.WaitForFunctionAsync("() => window.issue3530Log.includes('test-hook-2 mounted') && window.issue3530Log.includes('test-hook-1 destroyed')");

        await Page.Locator("#inc").ClickAsync();
        await Page.WaitForFunctionAsync("() => window.issue3530Log.includes('test-hook-4 mounted')");

        // Item 3 stayed through both resets: its hook was neither destroyed nor mounted again.
        Assert.Equal(
            ["test-hook-1 destroyed", "test-hook-2 destroyed", "test-hook-2 mounted", "test-hook-4 mounted"],
            (await Issue3530LogAsync()).Order(StringComparer.Ordinal));
        await Assertions.Expect(Page.Locator("#stream-list > [data-phx-session]")).ToHaveCountAsync(3);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3612_StickyViewPushNavigate_MovesThePageAndStaysConnected()
    {
        await GotoLiveAsync("/test/parity/issue-3612/a");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Page A");
        await Assertions.Expect(Page.Locator("#sticky")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await MarkPageAsync();
        await Page.EvaluateAsync("() => { document.getElementById('sticky').dataset.kept = 'yes'; }");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to page B" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Page B");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3612/b$"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to page A" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Page A");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3612/a$"));

        await Assertions.Expect(Page.Locator("#sticky")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#sticky")).ToHaveAttributeAsync("data-kept", "yes");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3636_TabFromAClickBesideTheFocusWrap_FocusesItsFirstElement()
    {
        await GotoLiveAsync("/test/parity/issue-3636");
        var third = await Page.Locator("#third").BoundingBoxAsync();
        Assert.NotNull(third);

        // A click in the wrap, right of its last button, puts the sequential focus point there.
        await Page.Mouse.ClickAsync(third.X + third.Width + 40, third.Y + (third.Height / 2));
        await Page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "One" })).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("Upload then Input")]
    [InlineData("Input then Upload")]
    public async Task Issue3647_AutoUploadStartedAsAnotherFormChanges_Finishes(string button)
    {
        await GotoLiveAsync("/test/parity/issue-3647");
        var name = Page.Locator("input[name='user[name]']");
        await Assertions.Expect(name).ToHaveValueAsync("");

        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        await Assertions.Expect(Page.Locator("ul li")).ToHaveTextAsync(["1mb_of_x.txt"]);
        await Assertions.Expect(name).ToHaveValueAsync("0");
        await Assertions.Expect(name).ToHaveAttributeAsync("value", "0");
        await Assertions.Expect(Page.Locator(".pending-uploads progress")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Issue3651_HookedElementWhoseIdChangesAfterMount_LeavesNoHookBehind()
    {
        await GotoLiveAsync("/test/parity/issue-3651");

        // The hook of id-1 was destroyed (it empties #notice), and the event loop runs on the new one alone.
        await Assertions.Expect(Page.Locator("#notice")).ToHaveTextAsync("");
        await Assertions.Expect(Page.Locator("#id-2")).ToBeAttachedAsync();
        await Page.WaitForFunctionAsync("() => Number(document.getElementById('total').textContent) >= 4");

        Assert.Equal(["id-2"], await Page.EvaluateAsync<string[]>("() => window.issue3651Alive"));
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.issue3651GhostHandlers"));
    }

    [Fact]
    public async Task Issue3656_NavigateLinkInAStickyView_LosesItsLoadingClass()
    {
        await GotoLiveAsync("/test/parity/issue-3656");
        await MarkPageAsync();
        await Page.EvaluateAsync("""
            () => {
              window.linkClasses = [];
              new MutationObserver((records) => records.forEach((r) => window.linkClasses.push([r.oldValue, r.target.getAttribute("class")])))
                .observe(document.querySelector("nav a"), { attributes: true, attributeFilter: ["class"], attributeOldValue: true });
            }
            """);

        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Link 1" });
        await link.ClickAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("navigated");

        await Assertions.Expect(link).Not.ToHaveClassAsync(new Regex("phx-click-loading"));
        var changes = await Page.EvaluateAsync<string?[][]>("() => window.linkClasses");
        Assert.Contains(changes, change => change[0] is null && change[1] == "phx-click-loading");
        Assert.Contains(changes, change => change[0] == "phx-click-loading" && change[1] == "");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3658_PhxRemoveElementInAStickyView_StaysThroughNavigation()
    {
        await GotoLiveAsync("/test/parity/issue-3658");
        await Assertions.Expect(Page.Locator("#foo")).ToBeVisibleAsync();
        await MarkPageAsync();
        await Page.EvaluateAsync("() => { window.removals = 0; window.addEventListener('my-event', () => window.removals++); }");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Link 1" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveTextAsync("navigated");

        await Assertions.Expect(Page.Locator("#foo")).ToBeVisibleAsync();
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => window.removals"));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3681_PageDeclaringAStreamTwice_LeavesTheStickyViewsStreamAlone()
    {
        var dead = await (await Page.APIRequest.GetAsync(Fixture.Url("/test/parity/issue-3681/away").ToString())).TextAsync();
        Assert.Single(Regex.Matches(dead, "messages-4"));

        await GotoLiveAsync("/test/parity/issue-3681");
        var sticky = Page.Locator("#msgs-sticky > div");
        await Assertions.Expect(sticky).ToHaveCountAsync(3);
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Go to a different LV with a (funcky) stream" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#msgs-normal > div")).ToHaveTextAsync(["4"]);
        await Assertions.Expect(sticky).ToHaveTextAsync(["1", "2", "3"]);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Go back to (the now borked) LV without a stream" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h3")).ToHaveTextAsync("A view that renders nothing but its layout.");
        await Assertions.Expect(sticky).ToHaveTextAsync(["1", "2", "3"]);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3684_RadioClickedInAComponentForm_IsCheckedByTheComponentsPatch()
    {
        await GotoLiveAsync("/test/parity/issue-3684");
        await Assertions.Expect(Page.Locator("#dewey")).Not.ToHaveAttributeAsync("checked", new Regex(".*"));
        await Assertions.Expect(Page.Locator("#huey")).ToHaveAttributeAsync("checked", "");

        await Page.Locator("#dewey").ClickAsync();

        await Assertions.Expect(Page.Locator("#dewey")).ToHaveAttributeAsync("checked", "");
        await Assertions.Expect(Page.Locator("#huey")).Not.ToHaveAttributeAsync("checked", new Regex(".*"));
        await Assertions.Expect(Page.Locator("#dewey")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Issue3686_FlashAcrossNavigateRedirectAndAnotherRouteGroup_ReachesEachNextPage()
    {
        await GotoLiveAsync("/test/parity/issue-3686/a");
        await Assertions.Expect(Page.Locator("#flash")).ToHaveTextAsync("none");
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "To B" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("B");
        await Assertions.Expect(Page.Locator("#flash")).ToHaveTextAsync("info: Flash from A");
        await AssertNotReloadedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "To C" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("C");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#flash")).ToHaveTextAsync("info: Flash from B");

        await Page.GetByRole(AriaRole.Button, new() { Name = "To A" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("A");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#flash")).ToHaveTextAsync("info: Flash from C");
    }
}
