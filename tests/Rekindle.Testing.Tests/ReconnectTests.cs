using Rekindle.TestApp.Kit;

namespace Rekindle.Testing.Tests;

/// <summary>
/// <see cref="LiveViewTest.ReconnectAsync"/>: the socket drops and the same page rejoins with its
/// tokens (<c>_mounts</c> 1 or more proves it is the same page, not a reload), gets its
/// [Recoverable] state back and replays its forms as the client does; also across a restart of
/// the app on the same data folder.
/// </summary>
public sealed class ReconnectTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Draft = "/test/kit/draft";

    [Fact]
    public async Task ReconnectAsync_AfterClicks_RestoresRecoverableStateOnARejoin()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Element("#inc").ClickAsync();
        await view.Element("#inc").ClickAsync();
        Assert.Equal("0", view.Element("#mounts").Text);

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("2", view.Element("#count").Text);
        await view.Element("#inc").ClickAsync();
        await view.ReconnectAsync();
        Assert.Equal("2", view.Element("#mounts").Text);
        Assert.Equal("3", view.Element("#count").Text);
    }

    [Fact]
    public async Task ReconnectAsync_TypedDraft_IsReplayedIntoTheFreshView()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Form("#note").ChangeAsync(("note[title]", "Groceries"));
        Assert.Equal("Groceries||memo|unused:True|target:note[title]", view.Element("#draft").Text);

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        // The fresh view kept no draft: it came back through the recovery event, _target the first visible input.
        Assert.Equal("Groceries||memo|unused:True|target:note[title]", view.Element("#draft").Text);
    }

    [Fact]
    public async Task ReconnectAsync_NothingTyped_StillSendsTheFormAsTheClientDoes()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("||memo|unused:True|target:note[title]", view.Element("#draft").Text);
    }

    [Fact]
    public async Task ReconnectAsync_AutoRecoverForm_SendsItsRecoveryEventAndSkipsIgnored()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Form("#search").ChangeAsync(("q", "tulips"));
        await view.Form("#ignored").ChangeAsync(("x", "1"));
        Assert.Equal("1", view.Element("#ignored-changes").Text);

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("tulips", view.Element("#search-text").Text);
        Assert.Equal("recover_search", view.Element("#recovered-by").Text);
        Assert.Equal("0", view.Element("#ignored-changes").Text);
    }

    [Fact]
    public async Task ReconnectAsync_FormTargetingAComponent_IsRecoveredIntoTheNewComponent()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Form("#component-note").ChangeAsync(("line", "inside"));
        Assert.Equal("inside", view.Element("#component-draft").Text);

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("inside", view.Element("#component-draft").Text);
        Assert.Equal("||memo|unused:True|target:note[title]", view.Element("#draft").Text);
    }

    [Fact]
    public async Task ReconnectAsync_AfterSubmit_DoesNotReplayWhatWasSubmitted()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Form("#note").ChangeAsync(("note[title]", "Sent"));
        await view.Form("#note").SubmitAsync();

        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("||memo|unused:False|target:note[title]", view.Element("#draft").Text);
    }

    [Fact]
    public async Task ReconnectAsync_AfterTheViewCrashed_RestoresStateAndDraft()
    {
        await using var view = await LiveTest.MountAsync<DraftLive>(host.App, Draft);
        await view.Element("#inc").ClickAsync();
        await view.Form("#note").ChangeAsync(("note[title]", "Before the crash"));

        var crash = await Assert.ThrowsAsync<LiveViewTestException>(() => view.Element("#boom").ClickAsync());
        Assert.Contains("The view crashed", crash.Message);
        await view.ReconnectAsync();

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("1", view.Element("#count").Text);
        Assert.Equal("Before the crash||memo|unused:True|target:note[title]", view.Element("#draft").Text);
    }

    [Fact]
    public async Task ReconnectAsync_RestartedAppOnTheSameDataFolder_RestoresTheView()
    {
        var dataPath = OwnApp.NewDataPath();
        var first = await OwnApp.StartAsync(dataPath);
        await using var view = await LiveTest.MountAsync<DraftLive>(first.App, Draft);
        await view.Element("#inc").ClickAsync();
        await view.Form("#note").ChangeAsync(("note[body]", "half written"));
        await first.StopAsync();

        await using var restarted = await OwnApp.StartAsync(dataPath);
        await view.ReconnectAsync(restarted.App);

        Assert.Equal("1", view.Element("#mounts").Text);
        Assert.Equal("1", view.Element("#count").Text);
        Assert.Equal("|half written|memo|unused:False|target:note[title]", view.Element("#draft").Text);
        await view.Element("#inc").ClickAsync();
        Assert.Equal("2", view.Element("#count").Text);
    }

    [Fact]
    public async Task ReconnectAsync_RestartedAppOnAnotherDataFolder_IsRefusedAsStale()
    {
        await using var first = await OwnApp.StartAsync(OwnApp.NewDataPath());
        await using var view = await LiveTest.MountAsync<DraftLive>(first.App, Draft);
        await using var other = await OwnApp.StartAsync(OwnApp.NewDataPath());

        // Another key ring cannot read the page's tokens: the client would reload the page.
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => view.ReconnectAsync(other.App));

        Assert.Contains("was refused: stale", error.Message);
    }
}
