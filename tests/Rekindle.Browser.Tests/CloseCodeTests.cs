using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The stock client closing its socket with a code of its own (docs/protocol.md §1.7): the close event
/// it reads carries the server's answering code, which must be the client's, not 1000 (LiveView's
/// failsafe reloads the page on 1000).
/// </summary>
public sealed class CloseCodeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task ClientDisconnect_WithItsOwnCode_SeesThatCodeEchoedAndReconnectsWithoutReload()
    {
        await GotoLiveAsync("/counter");
        await Page.ClickAsync("#inc");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("1");
        await MarkPageAsync();

        var code = await Page.EvaluateAsync<int>(
            """
            () => new Promise(resolve => {
              const socket = liveSocket.getSocket();
              socket.onClose(event => resolve(event.code));
              socket.disconnect(null, 4000, "switching accounts");
            })
            """);

        Assert.Equal(4000, code);
        await Page.EvaluateAsync("() => liveSocket.connect()");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Page.ClickAsync("#inc");
        await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync("2");
        await AssertNotReloadedAsync();
    }
}
