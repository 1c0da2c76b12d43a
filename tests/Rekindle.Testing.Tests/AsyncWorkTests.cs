using Rekindle.TestApp.Async;

namespace Rekindle.Testing.Tests;

/// <summary>Issue 20 item 5: RenderAsyncAsync waits for a view's async work (its components' too) and its render.</summary>
public sealed class AsyncWorkTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task RenderAsyncAsync_AfterTheWorkIsReleased_ReturnsTheRenderWithEveryResult()
    {
        await using var view = await LiveTest.MountAsync<AsyncLive>(host.App, "/test/async");
        Assert.Equal("loading acme", view.Element("#org").Text);

        await view.Element("#release").ClickAsync();
        await view.Element("#release-card").ClickAsync();
        var html = await view.RenderAsyncAsync();

        Assert.Contains("<b>acme corp</b>", html);
        Assert.Equal("card ready", view.Element("#card-value").Text);
    }

    [Fact]
    public async Task RenderAsyncAsync_StartedWork_WaitsForHandleAsyncResult()
    {
        await using var view = await LiveTest.MountAsync<AsyncLive>(host.App, "/test/async");
        await view.Element("#release").ClickAsync();
        await view.Element("#release-card").ClickAsync();
        await view.Element("#start-report").ClickAsync();

        await view.Element("#release-report").ClickAsync();
        await view.RenderAsyncAsync();

        Assert.Equal("done: 42 rows", view.Element("#report").Text);
    }

    [Fact]
    public async Task RenderAsyncAsync_WorkNeverEnds_ThrowsAfterTheTimeoutWithTheHtml()
    {
        await using var view = await LiveTest.MountAsync<AsyncLive>(host.App, "/test/async");

        var failure = await Assert.ThrowsAsync<LiveViewTestException>(() => view.RenderAsyncAsync(TimeSpan.FromMilliseconds(200)));

        Assert.Contains("did not finish within 0.2 s", failure.Message);
        Assert.Contains("loading acme", failure.Message);
    }

    [Fact]
    public async Task ViewEnds_WhileWorkRuns_CancelsTheWorksToken()
    {
        var probe = Guid.NewGuid().ToString("N");
        var view = await LiveTest.MountAsync<AsyncLive>(host.App, "/test/async?probe=" + probe);
        Assert.False(AsyncCancellations.Of(probe).IsCompleted);

        await view.DisposeAsync();

        await AsyncCancellations.Of(probe).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PushNavigate_WhileWorkRuns_CancelsTheWorksToken()
    {
        var probe = Guid.NewGuid().ToString("N");
        await using var view = await LiveTest.MountAsync<AsyncLive>(host.App, "/test/async?probe=" + probe);

        await view.Element("#leave").ClickAsync();

        view.AssertRedirected("/test/js");
        await AsyncCancellations.Of(probe).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
