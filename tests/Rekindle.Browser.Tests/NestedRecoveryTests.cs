namespace Rekindle.Browser.Tests;

/// <summary>
/// Nested views across a restart of the server process (kill -9 and SIGTERM, snapshots in SQLite):
/// each child and grandchild gets back its own [Recoverable] state, keyed by its parent and id so two
/// children of one type never swap, and its form by the client's form recovery, routed to the child.
/// </summary>
public sealed class NestedRecoveryTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task Children_StateFormsAndGrandchildren_ComeBackWithoutReload(Fault fault)
    {
        await GotoLiveAsync("/test/nested");
        await MarkPageAsync();
        await Locator("#left-inc").ClickAsync();
        await Assertions.Expect(Locator("#left-count")).ToHaveTextAsync("1");
        for (var i = 1; i <= 3; i++)
        {
            await Locator("#right-inc").ClickAsync();
            await Assertions.Expect(Locator("#right-count")).ToHaveTextAsync(i.ToString());
        }
        await Locator("#right-leaf-inc").ClickAsync();
        await Assertions.Expect(Locator("#right-leaf-count")).ToHaveTextAsync("1");
        await Locator("#parent-inc").ClickAsync();
        await Assertions.Expect(Locator("#parent-clicks")).ToHaveTextAsync("1");
        await Locator("#left-note").FillAsync("left draft");
        await Assertions.Expect(Locator("#left-note-echo")).ToHaveTextAsync("left draft");

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#left-count", "#right-count", "#right-leaf-count", "#left-note-echo"));

        await Assertions.Expect(Locator("#right-leaf")).ToHaveClassAsync(Connected);
        await Assertions.Expect(Locator("#left-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#right-count")).ToHaveTextAsync("3");
        await Assertions.Expect(Locator("#right-leaf-count")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#left-leaf-count")).ToHaveTextAsync("0");
        await Assertions.Expect(Locator("#parent-clicks")).ToHaveTextAsync("1");
        await Assertions.Expect(Locator("#left-note-echo")).ToHaveTextAsync("left draft");
        await Assertions.Expect(Locator("#left-note")).ToHaveValueAsync("left draft");
        await Locator("#right-inc").ClickAsync();
        await Assertions.Expect(Locator("#right-count")).ToHaveTextAsync("4");
        await AssertNotReloadedAsync();
    }
}
