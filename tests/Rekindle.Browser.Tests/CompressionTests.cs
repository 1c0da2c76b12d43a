using System.Collections.Concurrent;
using System.Text.Json;

namespace Rekindle.Browser.Tests;

/// <summary>The stock client in Chromium over a compressed socket (<c>Rekindle:Transport:Compression</c>).</summary>
public sealed class CompressionTests(CompressionBrowserFixture fixture, ITestOutputHelper output) : BrowserTest<CompressionBrowserFixture>(fixture, output)
{
    [Fact]
    public async Task Counter_CompressionOn_ChromiumNegotiatesDeflate_ClicksAndRejoinWithoutReload()
    {
        var handshakes = new ConcurrentQueue<string>();
        var network = await Context.NewCDPSessionAsync(Page);
        network.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
        {
            if (e is { } message && message.GetProperty("response").GetProperty("headers") is var headers
                && headers.EnumerateObject().FirstOrDefault(h => h.Name.Equals("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } extension)
            {
                handshakes.Enqueue(extension.Value.GetString()!); // a string, checked by the pattern above
            }
        };
        await network.SendAsync("Network.enable");

        await GotoLiveAsync("/counter");
        await MarkPageAsync();
        var count = Page.Locator("#count");
        for (var i = 1; i <= 3; i++)
        {
            await Page.ClickAsync("#inc");
            await Assertions.Expect(count).ToHaveTextAsync(i.ToString());
        }
        await DropSocketAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-connected\b"));
        await Page.ClickAsync("#inc");
        await Assertions.Expect(count).ToHaveTextAsync("4");

        await AssertNotReloadedAsync();
        Assert.Equal(2, handshakes.Count);
        Assert.All(handshakes, answer =>
        {
            Assert.StartsWith("permessage-deflate", answer, StringComparison.Ordinal);
            Assert.Contains("client_no_context_takeover", answer, StringComparison.Ordinal);
            Assert.Contains("server_no_context_takeover", answer, StringComparison.Ordinal);
        });
    }
}
