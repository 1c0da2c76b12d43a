using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Behaviours protected by Phoenix's end-to-end issue specs 3709 to 3979, against the views of
/// <c>Parity/IssuesB</c> under /test/parity/issue-NNNN: many patches in flight while each replaces a
/// component (3709); <c>_target</c> decoded to its key path (3719); the submit button's name and value
/// in the plain POST of <c>phx-trigger-action</c> (3814); an optional attribute turned on and off
/// again (3919); an async value reaching the client in a diff after the join (3931); a component's
/// async patch under an element locked by a hook's event (3941); a nested view's component shown,
/// removed and shown again beside a parent's component of the same cid (3953); component updates for
/// elements whose ids just changed (3979).
/// </summary>
public sealed class UpstreamIssues3709To3979Tests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Issue3709_AllPatchLinksClickedAtOnce_SettleOnTheLastAndKeepWorking()
    {
        await GotoLiveAsync("/test/parity/issue-3709/1");
        await Assertions.Expect(Page.Locator("#current")).ToHaveTextAsync("id: 1");
        await MarkPageAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Break Stuff" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3709/10$"));
        await Assertions.Expect(Page.Locator("#current")).ToHaveTextAsync("id: 10");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Link 5", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#current")).ToHaveTextAsync("id: 5");
        await Assertions.Expect(Page.Locator(".hello")).ToHaveCountAsync(1);
        await AssertNotReloadedAsync();
        // An error the client throws on a diff for a component it no longer has fails the test (BrowserTest).
    }

    [Fact]
    public async Task Issue3719_ChangeOfNestedFieldName_GivesTheDecodedTargetPath()
    {
        await GotoLiveAsync("/test/parity/issue-3719");

        await Page.Locator("#a").FillAsync("foo");
        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("[\"foo\"]");
        await Page.Locator("#b").FillAsync("foo");
        await Assertions.Expect(Page.Locator("#target")).ToHaveTextAsync("[\"foo\", \"bar\"]");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
    }

    [Fact]
    public async Task Issue3814_TriggerActionAfterSubmitEvent_PostsTheSubmitterNameAndValue()
    {
        await GotoLiveAsync("/test/parity/issue-3814");

        await Page.Locator("button").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/issue-3814/submit$"));
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("\"i-am-the-submitter\":\"submitter-value\"");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("\"greeting\":\"hello\"");
    }

    [Fact]
    public async Task Issue3919_OptionalAttributeOnThenOff_IsRemovedAgain()
    {
        await GotoLiveAsync("/test/parity/issue-3919");
        var styled = Page.Locator("[data-phx-main] > div").First;
        await Assertions.Expect(styled).ToHaveTextAsync("No red");
        await Assertions.Expect(styled).Not.ToHaveAttributeAsync("style", new Regex(".*"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "toggle" }).ClickAsync();
        await Assertions.Expect(styled).ToHaveTextAsync("Red");
        await Assertions.Expect(styled).ToHaveAttributeAsync("style", "background-color: red;");

        await Page.GetByRole(AriaRole.Button, new() { Name = "toggle" }).ClickAsync();
        await Assertions.Expect(styled).ToHaveTextAsync("No red");
        await Assertions.Expect(styled).Not.ToHaveAttributeAsync("style", new Regex(".*"));
    }

    [Fact]
    public async Task Issue3931_ValueLoadedAfterTheJoin_ArrivesInADiff()
    {
        var received = new ConcurrentQueue<string>();
        Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? "");
        await GotoLiveAsync("/test/parity/issue-3931");

        await Assertions.Expect(Page.Locator("#async")).ToHaveTextAsync("This was loaded asynchronously!");

        Assert.Contains(received, frame => frame.Contains("\"diff\"", StringComparison.Ordinal) && frame.Contains("This was loaded asynchronously!", StringComparison.Ordinal));
        Assert.DoesNotContain(received, frame => frame.Contains("phx_reply", StringComparison.Ordinal) && frame.Contains("This was loaded asynchronously!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue3941_ComponentAsyncPatchUnderALockedHookElement_IsNotErased()
    {
        await GotoLiveAsync("/test/parity/issue-3941");
        await Assertions.Expect(Page.Locator("#Item_1")).ToContainTextAsync("I AM LOADED");
        await Assertions.Expect(Page.Locator("#Item_2")).ToContainTextAsync("I AM LOADED");

        await Page.Locator("#select-Item_1").UncheckAsync();
        await Page.Locator("#select-Item_2").UncheckAsync();
        await Assertions.Expect(Page.Locator("#Item_1")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#Item_2")).ToHaveCountAsync(0);

        await Page.Locator("#select-Item_1").CheckAsync();
        await Assertions.Expect(Page.Locator("#Item_1")).ToContainTextAsync("I AM LOADED");
        await Assertions.Expect(Page.Locator("#Item_2")).ToHaveCountAsync(0);

        await Page.Locator("#select-Item_2").CheckAsync();
        await Assertions.Expect(Page.Locator("#Item_1")).ToContainTextAsync("I AM LOADED");
        await Assertions.Expect(Page.Locator("#Item_2")).ToContainTextAsync("I AM LOADED");
    }

    [Fact]
    public async Task Issue3953_NestedViewsComponentShownTwice_IsRenderedEachTime()
    {
        await GotoLiveAsync("/test/parity/issue-3953");
        var nested = Page.Locator("#nested_view [data-phx-component='1']");
        var show = Page.GetByRole(AriaRole.Button, new() { Name = "Show" });
        await Assertions.Expect(nested).ToHaveCountAsync(0);
        await MarkPageAsync();

        await show.ClickAsync();
        await Assertions.Expect(nested).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("#nested_view")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await show.ClickAsync();
        await Assertions.Expect(Page.Locator("#nested_view")).ToHaveCountAsync(0);
        await show.ClickAsync();
        await Assertions.Expect(nested).ToHaveCountAsync(1);
        await Assertions.Expect(nested).ToHaveTextAsync("Component");
        await Assertions.Expect(Page.Locator("#nested_view")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("[data-phx-main] > [data-phx-component='1']")).ToHaveTextAsync("Component");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task Issue3979_UpdatesForComponentsWhoseIdsJustChanged_AllArrive()
    {
        await GotoLiveAsync("/test/parity/issue-3979");
        var bump = Page.GetByRole(AriaRole.Button, new() { Name = "Bump ID (and counter)" });
        await MarkPageAsync();

        for (var i = 1; i <= 10; i++)
        {
            await bump.ClickAsync();
            await Assertions.Expect(Page.Locator($"#hello-{i}-1")).ToBeAttachedAsync();
        }

        await Assertions.Expect(Page.Locator("[data-phx-component]")).ToHaveTextAsync(Enumerable.Repeat("10", 10).ToArray());
        await AssertNotReloadedAsync();
    }
}
