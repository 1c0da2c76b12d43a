using System.Diagnostics;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 18, item 1, with the default limits: after a <c>kill -9</c> and restart, tabs behind one
/// address (an office NAT) rejoin while strangers on that address flood it with more first mounts than
/// its budget holds. Returning tabs are not throttled behind the strangers, no page reloads, and no
/// stranger gets an error reply (which would reload a stock client): over budget, joins are held,
/// then admitted or closed with 1012.
/// </summary>
public sealed class JoinStormTests(ServerProcessFixture fixture, ITestOutputHelper output) : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    private const int Tabs = 5;

    [Fact]
    public async Task KillAndRestart_StrangersExhaustTheAddressBudget_ReturningTabsRejoinAtOnceWithoutReload()
    {
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        await using var cable = TcpCable.To(Server.BaseAddress);
        var tabs = new List<IPage>();
        for (var tab = 1; tab <= Tabs; tab++)
        {
            var page = tab == 1 ? Page : await NewPageAsync();
            Assert.Equal(200, (await page.GotoAsync(cable.Url("/counter").ToString()))!.Status);
            await Assertions.Expect(page.Locator("[data-phx-main]")).ToHaveClassAsync(Connected);
            await page.EvaluateAsync("() => { window.__marker = 1; }");
            for (var click = 1; click <= tab; click++)
            {
                await page.Locator("#inc").ClickAsync();
                await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync($"{click}");
            }
            tabs.Add(page);
        }

        // The tabs lose the network while the server dies and comes back, so the strangers come first.
        cable.Cut();
        await Server.KillAsync();
        await Server.StartAsync();
        var flood = await JoinFlood.RunAsync(Server.BaseAddress, "/counter", sessions: 7, viewsPerSession: 95, wait: TimeSpan.FromSeconds(8));
        Output.WriteLine($"strangers: 665 first mounts, {flood.Ok} admitted, {flood.ClosedWith1012} sockets closed with 1012 ({flood.Unanswered} joins held then sent back), {flood.Errors} error replies");
        Assert.Equal(0, flood.Errors);
        Assert.True(flood.Ok >= 600, $"only {flood.Ok} of the budget's 600 first mounts were admitted");
        Assert.True(flood.Unanswered > 0, "the flood did not exceed the address budget");

        var timer = Stopwatch.StartNew();
        cable.Mend();
        for (var tab = 1; tab <= Tabs; tab++)
        {
            var page = tabs[tab - 1];
            await Assertions.Expect(page.Locator("[data-phx-main]")).ToHaveClassAsync(Connected, new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync($"{tab}");
            Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__marker"));
        }
        Output.WriteLine($"{Tabs} returning tabs back {timer.ElapsedMilliseconds} ms after the network came back");
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(8), $"the returning tabs took {timer.Elapsed}: they waited behind the strangers");
    }
}
