namespace Rekindle.Browser.Tests;

/// <summary>
/// A sticky view from the layout across a restart of the server process (kill -9 and SIGTERM,
/// snapshots in SQLite), after live navigation took the page to another view: the sticky view and
/// the main view each get back their own [Recoverable] state, without a reload.
/// </summary>
public sealed class StickyRecoveryTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task StickyView_AfterNavigation_ComesBackWithItsStateWithoutReload(Fault fault)
    {
        await GotoLiveAsync("/test/sticky/first");
        await MarkPageAsync();
        for (var i = 1; i <= 2; i++)
        {
            await Locator("#player-inc").ClickAsync();
            await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync(i.ToString());
        }
        await Locator("#to-second").ClickAsync();
        await Assertions.Expect(Locator("#page-name")).ToHaveTextAsync("second");
        await Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("3");
        await Locator("#page-inc").ClickAsync();
        await Assertions.Expect(Locator("#page-clicks")).ToHaveTextAsync("1");

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#player-count", "#page-clicks"));

        await Assertions.Expect(Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("3");
        await Assertions.Expect(Locator("#page-name")).ToHaveTextAsync("second");
        await Assertions.Expect(Locator("#page-clicks")).ToHaveTextAsync("1");
        await Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("4");
        await AssertNotReloadedAsync();
    }

    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    public async Task StickyView_AfterAFullLoadIntoAnotherRouteGroup_ComesBackWithTheHandedOnCount(Fault fault)
    {
        await GotoLiveAsync("/test/sticky/first");
        for (var i = 1; i <= 3; i++)
        {
            await Locator("#player-inc").ClickAsync();
            await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync(i.ToString());
        }
        await Locator("#to-other-sticky-session").ClickAsync();
        await Assertions.Expect(Locator("#page-name")).ToHaveTextAsync("other");
        await Assertions.Expect(Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("3");
        await MarkPageAsync();
        // Another tab of the browser changes the sticky count afterwards: the handoff now holds 4.
        var other = await NewPageAsync();
        await GotoLiveAsync("/test/sticky/second", other);
        await Assertions.Expect(other.Locator("#player-count")).ToHaveTextAsync("3");
        await other.ClickAsync("#player-inc");
        await Assertions.Expect(other.Locator("#player-count")).ToHaveTextAsync("4");

        // No change on this page since its load: the state it was handed must already be its own snapshot.
        await ForceReconnectAsync(fault, () => MarkStaleAsync("#player-count"));

        await Assertions.Expect(Locator("#player")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("3");
        await Locator("#player-inc").ClickAsync();
        await Assertions.Expect(Locator("#player-count")).ToHaveTextAsync("4");
        await AssertNotReloadedAsync();
    }
}
