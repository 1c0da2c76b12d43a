using Rekindle.TestApp;
using Rekindle.TestApp.Sticky;

namespace Rekindle.Testing.Tests;

/// <summary>
/// Nested and sticky views through <see cref="LiveViewTest.FindChildAsync"/> and
/// <see cref="LiveViewTest.ChildrenAsync"/> (/test/nested: two children of one type, each with a
/// grandchild; /test/sticky/first: a sticky view in the route group's layout): events and forms go to
/// the child, and children rejoin after their parent on a reconnect and a restart.
/// </summary>
public sealed class NestedViewTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task FindChildAsync_ClickInAChild_ChangesThatChildOnly()
    {
        await using var view = await LiveTest.MountAsync<NestedParentLive>(host.App, "/test/nested");
        var left = await view.FindChildAsync("left");
        var right = await view.FindChildAsync("right");

        await left.Element("#left-inc").ClickAsync();
        await left.Element("#left-inc").ClickAsync();
        await right.Element("#right-inc").ClickAsync();

        Assert.Equal("2", left.Element("#left-count").Text);
        Assert.Equal("1", right.Element("#right-count").Text);
        Assert.Equal("0", view.Element("#parent-clicks").Text);
        Assert.Same(left, await view.FindChildAsync("left"));
        // The parent's connected render holds the child's empty container only.
        Assert.False(view.HasElement("#left-count"));
    }

    [Fact]
    public async Task ChildrenAsync_TwoChildrenWithGrandchildren_InPageOrderEachWithItsOwn()
    {
        await using var view = await LiveTest.MountAsync<NestedParentLive>(host.App, "/test/nested");

        var children = await view.ChildrenAsync();

        Assert.Equal(2, children.Count);
        Assert.True(children[0].HasElement("#left-count"));
        Assert.True(children[1].HasElement("#right-count"));
        var leaf = Assert.Single(await children[1].ChildrenAsync());
        await leaf.Element("#right-leaf-inc").ClickAsync();
        Assert.Equal("1", leaf.Element("#right-leaf-count").Text);
        Assert.Equal("0", (await children[0].FindChildAsync("left-leaf")).Element("#left-leaf-count").Text);
    }

    [Fact]
    public async Task FindChildAsync_FormChangeInAChild_IsHandledByTheChild()
    {
        await using var view = await LiveTest.MountAsync<NestedParentLive>(host.App, "/test/nested");
        var left = await view.FindChildAsync("left");

        await left.Form("#left-form").ChangeAsync(("note", "draft"));

        Assert.Equal("draft", left.Element("#left-note-echo").Text);
        Assert.Equal("", (await view.FindChildAsync("right")).Element("#right-note-echo").Text);
    }

    [Fact]
    public async Task FindChildAsync_NoSuchChild_ThrowsNamingTheChildren()
    {
        await using var view = await LiveTest.MountAsync<NestedParentLive>(host.App, "/test/nested");

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.FindChildAsync("middle"));

        Assert.Contains("[left, right]", error.Message);
    }

    [Fact]
    public async Task ReconnectAsync_Children_RejoinWithTheirStateFormsAndGrandchildren()
    {
        await using var view = await LiveTest.MountAsync<NestedParentLive>(host.App, "/test/nested");
        var left = await view.FindChildAsync("left");
        var right = await view.FindChildAsync("right");
        var rightLeaf = await right.FindChildAsync("right-leaf");
        await left.Element("#left-inc").ClickAsync();
        await left.Form("#left-form").ChangeAsync(("note", "draft"));
        await rightLeaf.Element("#right-leaf-inc").ClickAsync();
        var mounts = int.Parse(left.Element("#left-mounts").Text);

        await view.ReconnectAsync();

        Assert.True(int.Parse(left.Element("#left-mounts").Text) > mounts, "the child mounted again");
        Assert.Equal("1", left.Element("#left-count").Text);
        Assert.Equal("draft", left.Element("#left-note-echo").Text);
        Assert.Equal("1", rightLeaf.Element("#right-leaf-count").Text);
        await right.Element("#right-inc").ClickAsync();
        Assert.Equal("1", right.Element("#right-count").Text);
    }

    [Fact]
    public async Task ReconnectAsync_RestartedApp_ChildStateComesBackFromTheStore()
    {
        var dataPath = OwnApp.NewDataPath();
        await using var first = await OwnApp.StartAsync(dataPath);
        await using var view = await LiveTest.MountAsync<NestedParentLive>(first.App, "/test/nested");
        var right = await view.FindChildAsync("right");
        await right.Element("#right-inc").ClickAsync();
        await right.Element("#right-inc").ClickAsync();
        await first.StopAsync();

        await using var restarted = await OwnApp.StartAsync(dataPath);
        await view.ReconnectAsync(restarted.App);

        Assert.Equal("2", right.Element("#right-count").Text);
        Assert.Equal("0", (await view.FindChildAsync("left")).Element("#left-count").Text);
    }

    [Fact]
    public async Task FindChildAsync_StickyViewOfTheLayout_IsJoinedAndKeepsItsCountThroughReconnect()
    {
        await using var view = await LiveTest.MountAsync<StickyFirstLive>(host.App, "/test/sticky/first");
        var player = await view.FindChildAsync("player");

        await player.Element("#player-inc").ClickAsync();
        await view.ReconnectAsync();

        Assert.Equal("1", player.Element("#player-count").Text);
        Assert.Equal("first", view.Element("#page-name").Text);
    }

    [Fact]
    public async Task MountAsync_PageOfAnotherRouteGroupInTheSameBrowser_StickyViewStartsFromTheLastCount()
    {
        var browser = LiveTest.Browser(host.App);
        await using var first = await browser.MountAsync<StickyFirstLive>("/test/sticky/first");
        var player = await first.FindChildAsync("player");
        for (var i = 0; i < 3; i++)
        {
            await player.Element("#player-inc").ClickAsync();
        }

        await using var other = await browser.MountAsync<StickyOtherLive>("/test/sticky-other");
        await using var stranger = await LiveTest.MountAsync<StickyOtherLive>(host.App, "/test/sticky-other");

        Assert.Equal("3", (await other.FindChildAsync("player")).Element("#player-count").Text);
        Assert.Equal("0", (await stranger.FindChildAsync("player")).Element("#player-count").Text);
    }
}
