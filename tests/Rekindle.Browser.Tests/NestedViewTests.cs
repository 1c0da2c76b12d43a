using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Nested live views (/test/nested, docs/protocol.md §2.5): two children of one type, each with a
/// grandchild, joined over the page's socket on topics of their own; their events, crashes, navigation
/// rules and removal, and their recovery across a dropped socket.
/// </summary>
public sealed class NestedViewTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    [Fact]
    public async Task Children_RenderedDeadThenJoined_EachHandlesItsOwnEvents()
    {
        var dead = await (await Page.APIRequest.GetAsync(Fixture.Url("/test/nested").ToString())).TextAsync();
        Assert.Matches("<div id=\"left\" data-phx-session=\"\" data-phx-static=\"[^\"]+\" data-phx-parent-id=\"[A-Za-z0-9]{8}\">", dead);
        Assert.Contains("id=\"left-leaf-count\"", dead);

        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Assertions.Expect(Page.Locator("#left-leaf")).ToHaveClassAsync(Connected);
        var mainTopic = "lv:" + await Main.GetAttributeAsync("id");
        Assert.Equal(["lv:left", "lv:left-leaf", "lv:right", "lv:right-leaf"], (await TopicsAsync()).Where(topic => topic != "phoenix" && topic != mainTopic).Order().ToArray());

        await Page.ClickAsync("#left-inc");
        await Page.ClickAsync("#left-inc");
        await Page.ClickAsync("#right-inc");
        await Page.ClickAsync("#right-leaf-inc");
        await Page.ClickAsync("#parent-inc");

        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#left-leaf-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Page.Locator("#parent-clicks")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ChildCrash_RejoinsThatChildOnly_ParentAndSiblingKeepWorking()
    {
        ExpectServerError(@"crashed; it ends and the client will rejoin\. InvalidOperationException: boom from nested left$");
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Page.ClickAsync("#parent-inc");
        await Assertions.Expect(Page.Locator("#parent-clicks")).ToHaveTextAsync("1");
        await Page.ClickAsync("#right-inc");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("1");
        var mountsBefore = int.Parse(await Page.Locator("#left-mounts").InnerTextAsync());

        await Page.ClickAsync("#left-boom");

        // Every NestedCounterLive shares one counter of connected mounts, so the rejoin shows a new, larger number.
        await Assertions.Expect(Page.Locator("#left-mounts")).Not.ToHaveTextAsync(mountsBefore.ToString());
        Assert.True(int.Parse(await Page.Locator("#left-mounts").InnerTextAsync()) > mountsBefore);
        await Assertions.Expect(Page.Locator("#left")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Page.ClickAsync("#parent-inc");
        await Assertions.Expect(Page.Locator("#parent-clicks")).ToHaveTextAsync("2");
        await Page.ClickAsync("#right-inc");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("2");
        await Page.ClickAsync("#left-inc");
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }

    /// <summary>The parent's crash takes its children down on the client; all rejoin, each with its own state.</summary>
    [Fact]
    public async Task ParentCrash_ParentAndChildrenRejoin_ChildrenKeepTheirState()
    {
        ExpectServerError(@"crashed; it ends and the client will rejoin\. InvalidOperationException: boom from the nested views' parent$");
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Page.ClickAsync("#left-inc");
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#right-leaf-inc");
        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("1");
        var mountsBefore = int.Parse(await Page.Locator("#left-mounts").InnerTextAsync());

        await Page.ClickAsync("#parent-boom");

        await Assertions.Expect(Page.Locator("#left-mounts")).Not.ToHaveTextAsync(mountsBefore.ToString());
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#right-leaf")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#left-inc");
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }

    /// <summary>
    /// A child that cannot join is retried by the client a bounded number of times, then given up; the
    /// page is never reloaded (upstream's "abandons child remount if child LV fails multiple times").
    /// </summary>
    [Fact]
    public async Task ChildJoinFailing_IsRetriedABoundedNumberOfTimes_WithoutReload()
    {
        ExpectServerError(@"^Rekindle\.Hosting\.ChildViewJoiner: Mounting nested view FailingChildLive \(failing\) failed;");
        var response = await Page.GotoAsync(Fixture.Url("/test/nested-failing").ToString());
        Assert.Equal(200, response?.Status);
        await MarkPageAsync();

        await Page.WaitForTimeoutAsync(12_000);

        var attempts = ServerLogsOfThisTest.Count(line => line.EventId.Id == 6302);
        Output.WriteLine($"child join attempts after 12 s: {attempts}");
        Assert.InRange(attempts, 2, 4);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ChildPatch_IsRefusedByCrashingTheChildAlone_NavigateLeavesThePage()
    {
        ExpectServerError(@"InvalidOperationException: NestedCounterLive is a nested view and called PushPatch\.");
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        var mountsBefore = int.Parse(await Page.Locator("#left-mounts").InnerTextAsync());

        await Page.ClickAsync("#left-patch");

        // Every NestedCounterLive shares one counter of connected mounts, so the rejoin shows a new, larger number.
        await Assertions.Expect(Page.Locator("#left-mounts")).Not.ToHaveTextAsync(mountsBefore.ToString());
        Assert.True(int.Parse(await Page.Locator("#left-mounts").InnerTextAsync()) > mountsBefore);
        Assert.EndsWith("/test/nested", Page.Url);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);

        await Page.ClickAsync("#left-navigate");

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/counter$"));
        await Assertions.Expect(Page.Locator("#count")).ToBeVisibleAsync();
        await AssertNotReloadedAsync();
    }

    /// <summary>
    /// The client leaves a child whose container leaves the parent's render; rendered again, the child
    /// is a new process (a new mount) that gets its last snapshot back, under the same key.
    /// </summary>
    [Fact]
    public async Task ChildLeftOutOfTheRender_LeavesItsTopic_AndComesBackAsANewMountWithItsState()
    {
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Page.ClickAsync("#right-inc");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("1");
        var mountsBefore = int.Parse(await Page.Locator("#right-mounts").InnerTextAsync());

        await Page.ClickAsync("#toggle-right");

        await Assertions.Expect(Page.Locator("#right")).ToHaveCountAsync(0);
        Assert.DoesNotContain("lv:right", await TopicsAsync());
        Assert.DoesNotContain("lv:right-leaf", await TopicsAsync());
        await Page.ClickAsync("#toggle-right");
        await Assertions.Expect(Page.Locator("#right")).ToHaveClassAsync(Connected);
        Assert.True(int.Parse(await Page.Locator("#right-mounts").InnerTextAsync()) > mountsBefore);
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("1");
        await Page.ClickAsync("#right-inc");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task DroppedSocket_ChildrenAndGrandchildren_KeepStateAndForms_WithoutReload()
    {
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Page.ClickAsync("#left-inc");
        await Page.ClickAsync("#right-inc");
        await Page.ClickAsync("#right-inc");
        await Page.ClickAsync("#left-leaf-inc");
        await Page.ClickAsync("#parent-inc");
        await Page.Locator("#left-note").FillAsync("left draft");
        await Page.Locator("#right-note").FillAsync("right draft");
        await Assertions.Expect(Page.Locator("#right-note-echo")).ToHaveTextAsync("right draft");
        await Assertions.Expect(Page.Locator("#left-leaf-count")).ToHaveTextAsync("1");

        await DropSocketAsync();

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#right-leaf")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#right-count")).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#left-leaf-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#right-leaf-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Page.Locator("#parent-clicks")).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#left-note-echo")).ToHaveTextAsync("left draft");
        await Assertions.Expect(Page.Locator("#right-note-echo")).ToHaveTextAsync("right draft");
        await Page.ClickAsync("#left-inc");
        await Assertions.Expect(Page.Locator("#left-count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }

    private Task<string[]> TopicsAsync() =>
        Page.EvaluateAsync<string[]>("() => liveSocket.socket.channels.filter(c => c.state !== 'closed' && c.state !== 'leaving').map(c => c.topic)");
}
