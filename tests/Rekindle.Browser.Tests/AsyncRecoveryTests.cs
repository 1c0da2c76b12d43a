namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 20 item 4: async work interrupted by a fault while loading is started again by the view's own
/// MountAsync on the rejoin, with the restored [Recoverable] query, and its result arrives without a reload.
/// </summary>
public sealed class AsyncRecoveryTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    public async Task AssignAsync_FaultWhileLoading_StartsAgainAndTheResultArrives(Fault fault)
    {
        await GotoLiveAsync("/test/async");
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("loading acme");
        await Locator("#click").ClickAsync();
        await Assertions.Expect(Locator("#clicks")).ToHaveTextAsync("1");
        await MarkPageAsync();

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#org", "#mounts"));

        await Assertions.Expect(Locator("#mounts")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("loading acme");
        await Locator("#release").ClickAsync();
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("acme corp");
        await AssertNotReloadedAsync();
    }
}
