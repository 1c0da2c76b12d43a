namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 5: [Recoverable] state comes back by itself, with no hook and no page reload, after a
/// dropped socket and after the server is killed with SIGKILL and restarted (snapshots in SQLite in
/// the data folder, the default store).
/// </summary>
public sealed class AutomaticRecoveryTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    /// <summary>/counter: [Recoverable] Count; the kill comes right after the third click was acknowledged.</summary>
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task Counter_AcknowledgedClicks_ComeBackWithoutHookOrReload(Fault fault)
    {
        await GotoLiveAsync("/counter");
        await MarkPageAsync();
        await ClickIncAsync(3);

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#count"));

        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await AssertNotReloadedAsync();
        // Server store: the snapshot never travelled to the page.
        Assert.Equal(0, await Page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('rekindle:snapshot:')).length"));
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("4");
        WriteRestoreLog();
    }

    /// <summary>
    /// /test/wizard: step, dialog and the picker component's picks are [Recoverable]; the shipping
    /// form exists only from step 2, so its value can only come back if the join reply is the
    /// restored render and the client's form recovery lands on it.
    /// </summary>
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task Wizard_StepDialogComponentAndLateForm_ComeBack(Fault fault)
    {
        await GotoLiveAsync("/test/wizard");
        await MarkPageAsync();
        await Locator("#next").ClickAsync();
        await Assertions.Expect(Locator("#step")).ToHaveTextAsync("step 2");
        await Locator("#address").FillAsync("Main St 1");
        await Assertions.Expect(Locator("#shipping-echo")).ToHaveTextAsync("Main St 1");
        await Locator("#open-dialog").ClickAsync();
        await Assertions.Expect(Locator("#dialog")).ToBeVisibleAsync();
        await Locator("#pick-red").ClickAsync();
        await Assertions.Expect(Locator("#picks")).ToHaveTextAsync("red");
        await Locator("#pick-blue").ClickAsync();
        await Assertions.Expect(Locator("#picks")).ToHaveTextAsync("red,blue");

        await ForceReconnectAsync(fault, () => MarkStaleAsync("#step", "#picks", "#shipping-echo"));

        await Assertions.Expect(Locator("#step")).ToHaveTextAsync("step 2");
        await Assertions.Expect(Locator("#dialog")).ToBeVisibleAsync();
        await Assertions.Expect(Locator("#picks")).ToHaveTextAsync("red,blue");
        await Assertions.Expect(Locator("#address")).ToHaveValueAsync("Main St 1");
        // Not recoverable on the server: only the client's form recovery brings it back.
        await Assertions.Expect(Locator("#shipping-echo")).ToHaveTextAsync("Main St 1");
        await AssertNotReloadedAsync();
        // The restored component is live: its next event builds on the restored picks.
        await Locator("#pick-red").ClickAsync();
        await Assertions.Expect(Locator("#picks")).ToHaveTextAsync("red,blue,red");
        WriteRestoreLog();
    }

    /// <summary>
    /// Control for the kill tests: with snapshots.db deleted while the server is down, the counter
    /// mounts fresh (so the restored count above came from the SQLite store), without an error or a reload.
    /// </summary>
    [Fact]
    public async Task Counter_SnapshotsDeletedWhileServerIsDown_MountsFreshWithoutReload()
    {
        await GotoLiveAsync("/counter");
        await MarkPageAsync();
        await ClickIncAsync(3);

        var deleted = new List<string>();
        await ForceReconnectAsync(Fault.ServerKill, () =>
        {
            deleted.AddRange(DeleteSnapshots(Server.DataPath));
            return MarkStaleAsync("#count");
        });

        Output.WriteLine("deleted: " + string.Join(", ", deleted));
        Assert.Contains("snapshots.db", deleted);
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("0");
        await AssertNotReloadedAsync();
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
    }

    private async Task ClickIncAsync(int times)
    {
        for (var i = 1; i <= times; i++)
        {
            await Locator("#inc").ClickAsync();
            // The reply is the acknowledgement: the snapshot is committed before it is sent.
            await Assertions.Expect(Locator("#count")).ToHaveTextAsync(i.ToString());
        }
    }

    private void WriteRestoreLog()
    {
        foreach (var line in ServerLogsOfThisTest.Where(line => line.Message.Contains("restored", StringComparison.OrdinalIgnoreCase)))
        {
            Output.WriteLine($"server: {line.Category}: {line.Message}");
        }
    }

    /// <summary>Deletes snapshots.db and its WAL files; returns the names deleted.</summary>
    internal static List<string> DeleteSnapshots(string dataPath)
    {
        var deleted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dataPath, "snapshots.db*"))
        {
            File.Delete(file);
            deleted.Add(Path.GetFileName(file));
        }
        return deleted;
    }
}
