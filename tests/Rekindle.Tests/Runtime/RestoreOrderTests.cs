using Rekindle.PubSub;
using Rekindle.Testing;

namespace Rekindle.Tests.Runtime;

/// <summary>
/// A rejoin after a dropped socket, through the real join with the SQLite snapshot store: the
/// snapshot is applied before <c>OnRestoredAsync</c>, the first render shows the restored state, and
/// the broadcasts missed while away reach <c>HandleInfoAsync</c> only after that render.
/// </summary>
public sealed class RestoreOrderTests : IAsyncLifetime
{
    private RuntimeApp _app = null!; // set in InitializeAsync, before any test runs

    public async Task InitializeAsync() => _app = await RuntimeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rejoin_WithSnapshotAndAMissedBroadcast_RestoresThenRendersThenReplays()
    {
        var browser = _app.NewBrowser();
        var (loaded, _) = await browser.GetPageAsync("/restoring", CancellationToken.None);
        var page = loaded ?? throw new InvalidOperationException("/restoring redirected");
        await using (var first = (await LiveViewTest.JoinAsync(browser, page, CancellationToken.None)).View ?? throw new InvalidOperationException("the first join redirected"))
        {
            await first.PushHookEventAsync("inc");
        }
        // The server ends the first view after its socket closed; broadcast only then, or that view could still take the tick.
        await _app.Probe.WaitForAsync("view disposed");
        await _app.Service<IPubSub>().BroadcastAsync(RestoringLive.Topic, new Tick("while away"));
        var beforeRejoin = _app.Probe.Steps.Count;

        await using var second = (await LiveViewTest.JoinAsync(browser, page, CancellationToken.None)).View ?? throw new InvalidOperationException("the rejoin redirected");
        await second.WaitUntilAsync(view => view.RenderedHtml.Contains("<p id=\"ticks\">1</p>", StringComparison.Ordinal));

        Assert.Equal(
            ["mount", "restored count 1, 1 to replay", "render count 1, ticks 0", "info while away", "render count 1, ticks 1"],
            _app.Probe.Steps.Skip(beforeRejoin));
        Assert.Contains("<p id=\"count\">1</p>", second.RenderedHtml);
    }
}
