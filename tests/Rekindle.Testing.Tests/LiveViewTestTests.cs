using Ballots.Counter;
using Rekindle.TestApp;

namespace Rekindle.Testing.Tests;

/// <summary>The test client's own behaviour, on the test app's views: navigation, crashes, targets, forms, pushed events, errors.</summary>
public sealed class LiveViewTestTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Tools = "/test/testing-tools";

    [Fact]
    public async Task MountAsync_PathOfAnotherView_ThrowsNamingBoth()
    {
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => LiveTest.MountAsync<ListLive>(host.App, "/counter"));

        Assert.Equal("GET /counter renders CounterLive; expected ListLive.", error.Message);
    }

    [Fact]
    public async Task MountAsync_PathThatIsNoLiveView_ThrowsWithTheStatus()
    {
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => LiveTest.MountAsync<CounterLive>(host.App, "/no-such-page"));

        Assert.StartsWith("GET /no-such-page answered 404 NotFound", error.Message);
    }

    [Fact]
    public async Task Element_NoMatch_ThrowsWithTheHtml()
    {
        await using var view = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Element("#missing").ClickAsync());

        Assert.StartsWith("No element of the view matches '#missing'.", error.Message);
        Assert.Contains("<span id=\"count\">0</span>", error.Message);
    }

    [Fact]
    public async Task Element_SeveralMatches_Throws()
    {
        await using var view = await LiveTest.MountAsync<CounterLive>(host.App, "/counter");

        var error = Assert.Throws<LiveViewTestException>(() => view.Element("button").Text);

        Assert.StartsWith("2 elements of the view match 'button'", error.Message);
    }

    [Fact]
    public async Task ClickAsync_PushPatch_IsAssertedAndRunsHandleParams()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.Element("#next").ClickAsync();

        var patch = view.AssertPatched("/test/pages/2");
        Assert.False(patch.Replace);
        Assert.Equal("/test/pages/2", view.Url.AbsolutePath);
        Assert.Equal("2", view.Element("#page").Text);
        Assert.Equal("Page 2", view.PageTitle);
        Assert.Throws<LiveViewTestException>(() => view.AssertRedirected("/test/pages/2"));
    }

    [Fact]
    public async Task ClickAsync_PushNavigate_IsAssertedAndEndsTheView()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.Element("#go-counter").ClickAsync();

        Assert.Equal(LiveNavigationKind.LiveRedirect, view.AssertRedirected("/counter").Kind);
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Element("#next").ClickAsync());
        Assert.Contains("navigated away (LiveRedirect to /counter)", error.Message);
    }

    [Fact]
    public async Task ClickAsync_PatchLink_SendsLivePatch()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.Element("#patch-link").ClickAsync();

        view.AssertPatched("/test/pages/3");
        Assert.Equal("3", view.Element("#page").Text);
        Assert.Equal("2", view.Element("#params-calls").Text);
    }

    [Fact]
    public async Task ClickAsync_NavigateLink_IsAssertedAsRedirect()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.Element("#navigate-link").ClickAsync();

        Assert.Equal(LiveNavigationKind.LiveRedirect, view.AssertRedirected("/counter").Kind);
    }

    [Fact]
    public async Task FollowRedirectAsync_AfterPushNavigate_MountsTheTargetInTheSameBrowser()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");
        await view.Element("#go-counter").ClickAsync();

        await using var counter = await view.FollowRedirectAsync<CounterLive>();
        await counter.Element("#inc").ClickAsync();

        Assert.Equal("1", counter.Element("#count").Text);
        await Assert.ThrowsAsync<LiveViewTestException>(() => counter.FollowRedirectAsync<CounterLive>());
    }

    [Fact]
    public async Task ClickAsync_Redirect_IsAsserted()
    {
        await using var view = await LiveTest.MountAsync<PagesLive>(host.App, "/test/pages/1");

        await view.Element("#leave").ClickAsync();

        Assert.Equal(LiveNavigationKind.Redirect, view.AssertRedirected("/seed").Kind);
    }

    [Fact]
    public async Task ClickAsync_HandlerThrows_ThrowsThatTheViewCrashed()
    {
        await using var view = await LiveTest.MountAsync<CrashLive>(host.App, "/test/crash");

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Element("#boom").ClickAsync());

        Assert.Contains("The view crashed", error.Message);
    }

    [Fact]
    public async Task ClickAsync_UnknownEvent_ThrowsTheErrorReply()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.PushHookEventAsync("nope"));

        Assert.StartsWith("The server answered hook event 'nope' with an error", error.Message);
    }

    [Fact]
    public async Task ClickAsync_KeyedListReversed_RendersTheNewOrder()
    {
        await using var view = await LiveTest.MountAsync<ListLive>(host.App, "/test/list");

        await view.Element("#add").ClickAsync();
        await view.Element("#reverse").ClickAsync();
        await view.Element("#remove-first").ClickAsync();

        Assert.Equal("<ul id=\"items\"><li id=\"item-2\">Eggs</li><li id=\"item-1\">Milk</li></ul>", view.Element("#items").OuterHtml);
    }

    [Fact]
    public async Task ClickAsync_ComponentTarget_ReachesTheComponent()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);
        await view.Element("#toggle-picker").ClickAsync();

        await view.Element("#pick-red").ClickAsync();
        await view.Element("#pick-blue").ClickAsync();

        Assert.Equal("red,blue", view.Element("#picks").Text);
    }

    [Fact]
    public async Task ClickAsync_ComponentRemoved_IsDestroyedSoItComesBackFresh()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);
        await view.Element("#toggle-picker").ClickAsync();
        await view.Element("#pick-red").ClickAsync();
        var firstCid = view.Element("#picker").GetAttribute("data-phx-component");

        await view.Element("#toggle-picker").ClickAsync();
        await view.Element("#toggle-picker").ClickAsync();

        Assert.Equal("", view.Element("#picks").Text);
        Assert.NotEqual(firstCid, view.Element("#picker").GetAttribute("data-phx-component"));
    }

    [Fact]
    public async Task ClickAsync_JsCommandPush_SendsItsEventAndValue()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        await view.Element("#js-push").ClickAsync();

        Assert.Equal("js:", view.Element("#echo").Text);
    }

    [Fact]
    public async Task ClickAsync_PushEvent_IsRecorded()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        await view.Element("#notify").ClickAsync();

        Assert.Equal("high", view.AssertPushEvent("notified").Payload.GetProperty("level").GetString());
        Assert.Throws<LiveViewTestException>(() => view.AssertPushEvent("other"));
    }

    [Fact]
    public async Task PushHookEventAsync_ViewReplies_ReturnsTheReply()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        var reply = await view.PushHookEventAsync("ping", new { at = 1 });

        Assert.Equal(1, reply!.Value.GetProperty("pong").GetInt32());
        Assert.Equal("1", view.Element("#hook-calls").Text);
    }

    [Fact]
    public async Task ChangeAsync_BracketedNames_SendsFormValuesWithUnusedMarkersAndTarget()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        await view.Form("#profile").ChangeAsync(("user[name]", "Grace"));

        Assert.Equal("user[id]=7&user[name]=Grace&user[role]=b (unused)&user[bio]=Hello (unused)|target=user[name]", view.Element("#echo").Text);
    }

    [Fact]
    public async Task SubmitAsync_CheckedBox_SendsEveryFieldAsUsed()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        await view.Form("#profile").SubmitAsync(("user[admin]", "yes"), ("user[role]", "a"));

        Assert.Equal("user[id]=7&user[name]=Ada&user[admin]=yes&user[role]=a&user[bio]=Hello|target=", view.Element("#echo").Text);
    }

    [Fact]
    public async Task ChangeAsync_UnknownField_ThrowsListingTheFields()
    {
        await using var view = await LiveTest.MountAsync<TestingToolsLive>(host.App, Tools);

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Form("#profile").ChangeAsync(("user[nmae]", "x")));

        Assert.Equal("The form '#profile' has no field named 'user[nmae]'. Its fields: user[id], user[name], user[admin], user[role], user[bio].", error.Message);
    }
}
