using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.PubSub;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 18, item 5, in Chromium: a tab whose script is frozen (paused in the debugger, so the
/// browser stops taking frames off the socket) while a broadcast keeps pushing to it. The server
/// closes that tab's socket at the outbox cap; when the tab wakes it reconnects by itself, with no
/// reload, to a count covering every message. A second tab on the same topic never loses its socket.
/// </summary>
public sealed class SlowTabTests(OutboxCapBrowserFixture fixture, ITestOutputHelper output) : BrowserTest<OutboxCapBrowserFixture>(fixture, output)
{
    private const int MessageChars = 16 * 1024;

    [Fact]
    public async Task FrozenTab_OutboxCapClosesItsSocketOnly_TabRestoresEveryMessageWithoutReload()
    {
        var bystander = await NewPageAsync();
        await GotoLiveAsync("/test/slow-tab", bystander);
        await bystander.EvaluateAsync("() => { window.__marker = 1; window.__conn = liveSocket.socket.conn; }");
        await GotoLiveAsync("/test/slow-tab");
        await MarkPageAsync();

        var debugger = await Context.NewCDPSessionAsync(Page);
        await debugger.SendAsync("Debugger.enable");
        await debugger.SendAsync("Debugger.pause");
        var pubSub = Fixture.Host.Services.GetRequiredService<IPubSub>();
        var sent = 0;
        while (!Fixture.ServerLogs.Any(line => line.EventId.Id == 1040))
        {
            Assert.True(sent < 3000, "the frozen tab's outbox never reached its cap");
            sent++;
            await pubSub.BroadcastAsync(SlowTabLive.Topic, sent + new string('x', MessageChars));
            // A pace the awake tab keeps up with: only the frozen one may fill its outbox.
            await Task.Delay(5);
        }
        Output.WriteLine($"{sent} messages of {MessageChars} characters until the cap");
        await debugger.SendAsync("Debugger.resume");

        var expected = sent.ToString(CultureInfo.InvariantCulture);
        await Assertions.Expect(Page.Locator("#received")).ToHaveTextAsync(expected, new() { Timeout = 30_000 });
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await AssertNotReloadedAsync();
        await Assertions.Expect(bystander.Locator("#received")).ToHaveTextAsync(expected);
        Assert.True(await bystander.EvaluateAsync<bool>("() => window.__marker === 1 && window.__conn === liveSocket.socket.conn"), "the awake tab lost its socket");
        Assert.Single(Fixture.ServerLogs, line => line.EventId.Id == 1040);
    }
}
