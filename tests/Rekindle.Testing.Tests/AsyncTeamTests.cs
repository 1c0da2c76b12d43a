using Rekindle.TestApp.Async;

namespace Rekindle.Testing.Tests;

/// <summary>Issue 20: RenderAsyncAsync awaits a multi-key AssignAsync and a StreamAsync (the view's and a component's), in-process.</summary>
public sealed class AsyncTeamTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private static IEnumerable<string> Members(LiveViewTest view) => view.Elements("#members > li").Select(item => item.Text);

    [Fact]
    public async Task RenderAsyncAsync_MultiKeyAssign_FillsEveryKeyTogether()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");
        Assert.Equal("lead loading", view.Element("#lead").Text);
        Assert.Equal("size loading", view.Element("#size").Text);

        await view.Element("#release-team").ClickAsync();
        await view.Element("#release-members").ClickAsync();
        await view.Element("#release-pair").ClickAsync();
        await view.RenderAsyncAsync();

        Assert.Equal("red lead", view.Element("#lead").Text);
        Assert.Equal("3", view.Element("#size").Text);
        Assert.Equal("dune, 4 pages", view.Element("#pair-value").Text);
    }

    [Fact]
    public async Task RenderAsyncAsync_MultiKeyResultMissingAKey_FailsEveryKeyWithTheMissingKey()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");

        await view.Element("#partial-team").ClickAsync();
        await view.Element("#release-members").ClickAsync();
        await view.Element("#release-pair").ClickAsync();
        await view.RenderAsyncAsync();

        const string Reason = "AsyncTeamLive: AssignAsync([Lead, Size]) expected the work to return a value for each key and no other, got [Lead]; missing Size.";
        Assert.Equal($"lead failed: {Reason}", view.Element("#lead").Text);
        Assert.Equal($"size failed: {Reason}", view.Element("#size").Text);
    }

    [Fact]
    public async Task CancelAsync_OneKeyOfAMultiKeyRun_FailsEveryKeyAsCancelled()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");

        await view.Element("#cancel-size").ClickAsync();

        Assert.Equal("lead failed: cancelled", view.Element("#lead").Text);
        Assert.Equal("size failed: cancelled", view.Element("#size").Text);
    }

    [Fact]
    public async Task RenderAsyncAsync_StreamAsync_InsertsTheItemsAndTheResultCountsThem()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");
        Assert.Equal("members loading", view.Element("#members-state").Text);
        Assert.Empty(Members(view));

        await view.Element("#release-members").ClickAsync();
        await view.Element("#release-team").ClickAsync();
        await view.Element("#release-pair").ClickAsync();
        await view.RenderAsyncAsync();

        Assert.Equal("3 members", view.Element("#members-state").Text);
        Assert.Equal(["red-ann", "red-bob", "red-cy"], Members(view));
    }

    [Fact]
    public async Task StreamAsync_AtAndLimitThenReset_ApplyWhenTheItemsArrive()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");
        await view.Element("#release-members").ClickAsync();
        await view.Element("#release-team").ClickAsync();
        await view.Element("#release-pair").ClickAsync();
        await view.RenderAsyncAsync();

        await view.Element("#prepend").ClickAsync();
        Assert.Equal("members loading", view.Element("#members-state").Text);
        Assert.Equal(["red-ann", "red-bob", "red-cy"], Members(view));
        await view.Element("#release-more").ClickAsync();
        await view.Element("#release-team").ClickAsync();
        await view.RenderAsyncAsync();
        Assert.Equal(["red-eve", "red-dee", "red-ann", "red-bob"], Members(view));

        await view.Element("#reset").ClickAsync();
        await view.Element("#release-more").ClickAsync();
        await view.Element("#release-team").ClickAsync();
        await view.RenderAsyncAsync();
        Assert.Equal(["red-dee", "red-eve"], Members(view));
        Assert.Equal("2 members", view.Element("#members-state").Text);
    }

    [Fact]
    public async Task StreamAsync_WorkFails_FailsTheResultAndKeepsTheItems()
    {
        await using var view = await LiveTest.MountAsync<AsyncTeamLive>(host.App, "/test/async-team");

        await view.Element("#fail-members").ClickAsync();
        await view.Element("#release-team").ClickAsync();
        await view.Element("#release-pair").ClickAsync();
        await view.RenderAsyncAsync();

        Assert.Equal("members failed: the roster is down", view.Element("#members-state").Text);
        Assert.Empty(Members(view));
    }
}
