namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 20 item 4: async work interrupted by a fault while loading is started again by the view's own
/// code on the rejoin (OnRestoredAsync, with the restored [Recoverable] query), and its result arrives
/// without a reload.
/// </summary>
public sealed class AsyncRecoveryTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    public async Task AssignAsync_FaultWhileLoading_StartsAgainAndTheResultArrives(Fault fault)
    {
        await GotoLiveAsync("/test/async");
        await Locator("#globex").ClickAsync();
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("loading globex");
        await MarkPageAsync();

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#org", "#mounts"));

        await Assertions.Expect(Locator("#mounts")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("loading globex");
        await Locator("#release").ClickAsync();
        // The work OnRestoredAsync started with the restored query is the one applied.
        await Assertions.Expect(Locator("#org")).ToHaveTextAsync("globex corp");
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    public async Task AssignAsyncMultiKeyAndStreamAsync_FaultWhileLoading_StartAgainWithTheRestoredTeam(Fault fault)
    {
        await GotoLiveAsync("/test/async-team");
        await Locator("#blue").ClickAsync();
        // "lead loading" shows from the first render: the team's own text says the click was handled.
        await Assertions.Expect(Locator("#team")).ToHaveTextAsync("blue");
        await Assertions.Expect(Locator("#lead")).ToHaveTextAsync("lead loading");
        await MarkPageAsync();

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#lead", "#mounts"));

        await Assertions.Expect(Locator("#mounts")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#members-state")).ToHaveTextAsync("members loading");
        await Locator("#release-team").ClickAsync();
        await Locator("#release-members").ClickAsync();
        await Assertions.Expect(Locator("#lead")).ToHaveTextAsync("blue lead");
        await Assertions.Expect(Locator("#size")).ToHaveTextAsync("4");
        await Assertions.Expect(Locator("#members > li")).ToHaveTextAsync(["blue-ann", "blue-bob", "blue-cy"]);
        await AssertNotReloadedAsync();
    }
}
