using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Uploads interrupted by a dropped network, with the stock client (issue 18 item 4). The client
/// always starts an upload over from byte 0 and clears file inputs on rejoin, so the promise is:
/// no reload, no client error but the stock client's own report of the failed progress push, the
/// half-written temp file deleted (never consumed), the form's other fields back, and the user able
/// to choose the file again and save it.
/// </summary>
public sealed class UploadRecoveryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const int FileSize = 900_000;

    /// <summary>The chunks the page may still send; the next ones are swallowed, as by a stalled uplink, so a drop always lands mid-upload.</summary>
    private const string StallUploadsAfterTwoChunks = """
        (() => {
          const send = WebSocket.prototype.send;
          window.__chunkBudget = 2;
          WebSocket.prototype.send = function (data) {
            if (typeof data !== 'string' && window.__chunkBudget-- <= 0) return;
            return send.call(this, data);
          };
        })()
        """;

    private static readonly Regex Connected = new(@"\bphx-connected\b");

    private string TempFolder => Path.Combine(Host.DataPath, "temp");

    [Fact]
    public async Task NetworkDropMidUpload_RejoinsWithoutReload_DeletesTheHalfWrittenFile_AndTheFileUploadsAgain()
    {
        // The stock client reports the progress push its dropped channel could not send.
        ExpectConsoleError("Failed to push file progress .*no connection");
        // Chromium's own report of the connection the cable reset.
        ExpectConsoleError("WebSocket connection to .* failed");
        await using var cable = TcpCable.To(Host.BaseAddress);
        await Page.AddInitScriptAsync(StallUploadsAfterTwoChunks);
        await GotoThroughAsync(cable, "/test/upload");
        await MarkPageAsync();
        var bytes = RandomBytes(FileSize);

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "data.bin", MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("data.bin");
        await Page.ClickAsync("#save");
        // Two 64,000-byte chunks of 900,000: 14 %, with the half-written file on disk.
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("14");
        Assert.Equal(128_000, new FileInfo(Assert.Single(TempFiles())).Length);

        cable.Cut();
        cable.Mend();

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        await WaitUntilAsync(() => TempFiles().Length == 0, "the half-written temp file is deleted");
        await Page.EvaluateAsync("() => { window.__chunkBudget = Infinity; }");
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "data.bin", MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("data.bin");
        await Page.ClickAsync("#save");

        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync("data.bin 100");
        Assert.Equal(bytes, await File.ReadAllBytesAsync((await saved.GetAttributeAsync("data-path"))!));
        Assert.Empty(TempFiles());
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task SocketDropMidUpload_TheTitleComesBack_AndThePageAsksForTheInterruptedFileAgain()
    {
        ExpectConsoleError("Failed to push file progress .*no connection");
        await Page.AddInitScriptAsync(StallUploadsAfterTwoChunks);
        await GotoLiveAsync("/test/upload-draft");
        await MarkPageAsync();

        await Page.FillAsync("#title", "Quarterly report");
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "report.bin", MimeType = "application/octet-stream", Buffer = RandomBytes(FileSize) });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("report.bin");
        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("14");
        await Assertions.Expect(Page.Locator("#interrupted")).ToBeEmptyAsync();

        await DropSocketAsync();

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#interrupted")).ToHaveTextAsync("The upload of report.bin was interrupted: choose it again.");
        await Assertions.Expect(Page.Locator("#title")).ToHaveValueAsync("Quarterly report");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        await WaitUntilAsync(() => TempFiles().Length == 0, "the half-written temp file is deleted");

        await Page.EvaluateAsync("() => { window.__chunkBudget = Infinity; }");
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "report.bin", MimeType = "application/octet-stream", Buffer = RandomBytes(FileSize) });
        await Assertions.Expect(Page.Locator("#interrupted")).ToBeEmptyAsync();
        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator("#saved li")).ToHaveTextAsync($"report.bin {FileSize}");
        await Assertions.Expect(Page.Locator("#title")).ToHaveValueAsync("Quarterly report");
        await AssertNotReloadedAsync();
    }

    private async Task GotoThroughAsync(TcpCable cable, string path)
    {
        Assert.Equal(200, (await Page.GotoAsync(cable.Url(path).ToString()))!.Status);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(50);
        }
    }

    private string[] TempFiles() => Directory.Exists(TempFolder) ? Directory.GetFiles(TempFolder) : [];

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
