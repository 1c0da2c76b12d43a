using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Uploads over the long-poll fallback (issue 21 items 4 and 5): with the WebSocket endpoint
/// blocked, the stock client posts each binary chunk of an <c>lvu:</c> channel as a base64 line,
/// and the file arrives byte for byte.
/// </summary>
public sealed class LongPollUploadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {longPollFallbackMs: 300}}");
        // A WebSocket that opens and never answers, as behind a proxy that swallows WebSocket frames.
        await Context.RouteWebSocketAsync(new Regex("/live/websocket"), _ => { });
    }

    [Fact]
    public async Task UploadOverLongPoll_FileOfSeveralChunks_ArrivesWhole_WithProgress()
    {
        var binaryLines = 0;
        Page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/live/longpoll", StringComparison.Ordinal))
            {
                // The client posts text frames as JSON arrays and binary ones as base64.
                binaryLines += (request.PostData ?? "").Split('\n').Count(line => line.Length > 0 && !line.StartsWith('['));
            }
        };
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        await GotoLiveAsync("/test/upload");
        Assert.Equal("true", await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        await MarkPageAsync();

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "data.bin", MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("data.bin");
        await Page.ClickAsync("#save");

        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync("data.bin 100");
        Assert.Equal(bytes, await File.ReadAllBytesAsync((await saved.GetAttributeAsync("data-path"))!));
        // 300,000 bytes in 64,000-byte chunks.
        Assert.Equal(5, binaryLines);
        await AssertNotReloadedAsync();
    }
}
