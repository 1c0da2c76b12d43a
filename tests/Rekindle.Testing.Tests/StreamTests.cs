using Rekindle.TestApp;

namespace Rekindle.Testing.Tests;

/// <summary>Streams render in the test page as the browser's DOM holds them: inserts at a position, updates in place, deletes, limits, resets, a component's stream, and a rejoin that re-streams.</summary>
public sealed class StreamTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private static string NewList() => "/test/stream?list=" + Guid.NewGuid().ToString("N");

    private static IEnumerable<string> Ids(LiveViewTest view, string selector = "#songs > li") =>
        view.Elements(selector).Select(item => item.GetAttribute("id") ?? "");

    [Fact]
    public async Task Mount_StreamedItems_AreInTheContainer()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        Assert.Equal(["songs-1", "songs-2", "songs-3"], Ids(view));
        Assert.Equal("Two", view.Element("#songs-2 .title").Text);
    }

    [Fact]
    public async Task Click_AppendPrependAndOtherRenders_KeepEveryItemInPlace()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        await view.Element("#append").ClickAsync();
        await view.Element("#prepend").ClickAsync();

        Assert.Equal(["songs-5", "songs-1", "songs-2", "songs-3", "songs-4"], Ids(view));
    }

    [Fact]
    public async Task Click_UpdateFirst_UpdatesItWhereItIs()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        await view.Element("#update-first").ClickAsync();

        Assert.Equal(["songs-1", "songs-2", "songs-3"], Ids(view));
        Assert.Equal("One (edited)", view.Element("#songs-1 .title").Text);
    }

    [Fact]
    public async Task Click_DeleteAndLimit_RemoveItems()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        await view.Element("#songs-2 .delete").ClickAsync();
        Assert.Equal(["songs-1", "songs-3"], Ids(view));
        await view.Element("#append-limited").ClickAsync();
        await view.Element("#append-limited").ClickAsync();

        Assert.Equal(["songs-3", "songs-4", "songs-5"], Ids(view));
    }

    [Fact]
    public async Task Click_Reset_ReplacesEveryItem()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        await view.Element("#reset").ClickAsync();

        Assert.Equal(["songs-4", "songs-5"], Ids(view));
    }

    [Fact]
    public async Task ComponentStream_Prepend_IsKeptBesideTheViewsStream()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());

        await view.Element("#add-track").ClickAsync();

        Assert.Equal(["tracks-2", "tracks-1"], Ids(view, "#tracks > li"));
        Assert.Equal(["songs-1", "songs-2", "songs-3"], Ids(view));
    }

    [Fact]
    public async Task ReconnectAsync_MountStreamsAgain_TheItemsAreThereOnce()
    {
        await using var view = await LiveTest.MountAsync<StreamLive>(host.App, NewList());
        await view.Element("#append").ClickAsync();

        await view.ReconnectAsync();

        Assert.Equal(["songs-1", "songs-2", "songs-3", "songs-4"], Ids(view));
        Assert.Equal("2", view.Element("#mounts").Text);
    }
}
