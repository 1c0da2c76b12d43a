namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 5, browser store (<c>--Rekindle:Recovery:Store Browser</c>): the snapshot travels to the
/// page as an encrypted token kept in sessionStorage and comes back in the rejoin's connect params,
/// so state survives a dropped socket, a SIGKILL or a SIGTERM and restart, even with every server-side snapshot file deleted (while the server is down).
/// </summary>
public sealed class BrowserStoreRecoveryTests(BrowserStoreServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<BrowserStoreServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task Counter_SnapshotFromSessionStorage_ComesBackWithServerSnapshotsDeleted(Fault fault)
    {
        await GotoLiveAsync("/counter");
        await MarkPageAsync();
        var viewId = await Main.GetAttributeAsync("id");
        Assert.NotNull(viewId);
        var key = $"rekindle:snapshot:{viewId}";
        for (var i = 1; i <= 3; i++)
        {
            var before = await Page.EvaluateAsync<string?>("key => sessionStorage.getItem(key)", key);
            await Locator("#inc").ClickAsync();
            await Assertions.Expect(Locator("#count")).ToHaveTextAsync(i.ToString());
            // Each change pushes a new token with its diff; wait until the page has kept it.
            await Page.WaitForFunctionAsync("([key, before]) => { const t = sessionStorage.getItem(key); return t !== null && t !== before; }", new[] { key, before });
        }

        var deleted = new List<string>();
        await ForceReconnectAsync(fault, () =>
        {
            deleted.AddRange(AutomaticRecoveryTests.DeleteSnapshots(Server.DataPath));
            return MarkStaleAsync("#count");
        });

        Output.WriteLine($"server snapshot files deleted while down: [{string.Join(", ", deleted)}]");
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("4");
    }
}
