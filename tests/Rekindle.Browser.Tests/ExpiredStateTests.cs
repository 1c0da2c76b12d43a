namespace Rekindle.Browser.Tests;

/// <summary>The test app with snapshots that expire after 3 seconds.</summary>
public sealed class ShortMaxAgeServerProcessFixture : ServerProcessFixture
{
    protected override string[] ExtraArgs => ["--Rekindle:Recovery:MaxAge", "00:00:03"];
}

/// <summary>
/// Issue 18, item 3: a tab away for longer than <c>Rekindle:Recovery:MaxAge</c> gets a clean fresh
/// mount that says why (in the page and in the log), never a reload or a reload loop.
/// </summary>
public sealed class ExpiredStateTests(ShortMaxAgeServerProcessFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<ShortMaxAgeServerProcessFixture>(fixture, output)
{
    [Fact]
    public async Task AwayPastMaxAge_FreshMountWithAVisibleLoggedReason_ThenRecoversAsUsual()
    {
        await GotoLiveAsync("/test/absence");
        await MarkPageAsync();
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("2");

        await ForceReconnectAsync(Fault.ServerKill, () => Task.Delay(TimeSpan.FromSeconds(4)));

        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("0");
        await Assertions.Expect(Locator("#notice")).ToContainTextAsync("Started over: no snapshot: it expired (older than Rekindle:Recovery:MaxAge");
        Assert.Contains(ServerLogsOfThisTest, line => line.EventId.Id == 2012 && line.Message.Contains("AbsenceLive", StringComparison.Ordinal));
        await AssertNotReloadedAsync();

        // The fresh view is recoverable as any other: the next outage, within MaxAge, restores it.
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
        await ForceReconnectAsync(Fault.SocketDrop, () => MarkStaleAsync("#count"));
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }
}
