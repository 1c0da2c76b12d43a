using Rekindle.Testing;

namespace Rekindle.Tests.Runtime;

/// <summary>
/// The view process through the real join and socket path (in memory): one message at a time, a
/// crash that ends only its view, and the handler timeout, on a fake clock.
/// </summary>
public sealed class ViewProcessTests : IAsyncLifetime
{
    private RuntimeApp _app = null!; // set in InitializeAsync, before any test runs

    public async Task InitializeAsync() => _app = await RuntimeApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mailbox_EventWhileAHandlerRuns_WaitsItsTurn()
    {
        await using var view = await _app.MountAsync<OrderingLive>("/ordering");

        var slow = view.PushHookEventAsync("slow");
        await _app.Probe.WaitForAsync("slow start");
        var fast = view.PushHookEventAsync("fast");
        // Real time for the fast push to reach the mailbox while the slow handler waits: were handlers
        // to overlap, "fast start" would come before "slow end".
        await Task.Delay(200);
        _app.Probe.Gate.SetResult();
        await Task.WhenAll(slow, fast);

        Assert.Equal(["slow start", "slow end", "fast start", "fast end"], _app.Probe.Steps);
        Assert.Contains("<p id=\"handled\">2</p>", view.RenderedHtml);
    }

    [Fact]
    public async Task Crash_InOneView_EndsThatViewAloneAndDisposesItsScope()
    {
        await using var crashing = await _app.MountAsync<CrashingLive>("/crashing");
        await using var other = await _app.MountAsync<CrashingLive>("/crashing");

        await Assert.ThrowsAsync<LiveViewTestException>(() => crashing.PushHookEventAsync("crash"));
        await _app.Probe.WaitForAsync("scope disposed");
        await other.PushHookEventAsync("count");

        Assert.Contains("<p id=\"count\">1</p>", other.RenderedHtml);
        Assert.Single(_app.Probe.Steps, step => step == "scope disposed");
    }

    [Fact]
    public async Task HandlerTimeout_HandlerPastIt_IsCancelledAndItsScopeOutlivesIt()
    {
        await using var view = await _app.MountAsync<HangingLive>("/hanging");

        var hang = view.PushHookEventAsync("hang");
        await _app.Probe.WaitForAsync("hang start");
        await AdvanceUntilAsync("hang cancelled");
        await Assert.ThrowsAsync<LiveViewTestException>(() => hang);

        Assert.DoesNotContain("scope disposed", _app.Probe.Steps);
        _app.Probe.Gate.SetResult();
        await _app.Probe.WaitForAsync("scope disposed");
        Assert.Equal(["hang start", "hang cancelled", "hang returned", "scope disposed"], _app.Probe.Steps);
    }

    [Fact]
    public async Task ViewEnd_SocketClosedDuringAHandler_CancelsItsTokenAndDisposesTheScopeAfterIt()
    {
        var view = await _app.MountAsync<HangingLive>("/hanging");

        var hang = view.PushHookEventAsync("hang");
        await _app.Probe.WaitForAsync("hang start");
        await view.DisposeAsync();
        await _app.Probe.WaitForAsync("hang cancelled");
        await Assert.ThrowsAnyAsync<Exception>(() => hang);

        Assert.DoesNotContain("scope disposed", _app.Probe.Steps);
        _app.Probe.Gate.SetResult();
        await _app.Probe.WaitForAsync("scope disposed");
        Assert.Equal(["hang start", "hang cancelled", "hang returned", "scope disposed"], _app.Probe.Steps);
    }

    [Fact]
    public async Task ViewEnd_NavigationAway_CancelsTheTokenOfTheViewAndOfItsComponents()
    {
        await using var view = await _app.MountAsync<NavigatingLive>("/navigating");

        await view.PushHookEventAsync("go");
        await _app.Probe.WaitForAsync("token cancelled");
        await _app.Probe.WaitForAsync("component token cancelled");

        view.AssertRedirected("/ordering");
        Assert.Equal("navigating", _app.Probe.Steps[0]);
        Assert.Equivalent(new[] { "token cancelled", "component token cancelled" }, _app.Probe.Steps.Skip(1), strict: true);
    }

    /// <summary>
    /// Moves the fake clock past the handler timeout until <paramref name="step"/> happens: the loop
    /// arms its timeout just after the handler's first await, so the first move may come before it.
    /// </summary>
    private async Task AdvanceUntilAsync(string step)
    {
        for (var attempt = 0; attempt < 50 && !_app.Probe.Steps.Contains(step); attempt++)
        {
            _app.Time.Advance(RuntimeApp.HandlerTimeout);
            await Task.WhenAny(_app.Probe.WaitForAsync(step), Task.Delay(100));
        }
        await _app.Probe.WaitForAsync(step);
    }
}
