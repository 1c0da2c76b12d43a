using System.Text.RegularExpressions;
using static Rekindle.Browser.Tests.UploadFaults;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Uploads interrupted by a dropped network or socket, with the stock client (issue 18 item 4). The
/// stock client always uploads from byte 0 and clears file inputs on rejoin, and the server deletes
/// the half-written temp file; Rekindle's client puts the same files back into the input once the
/// view is connected again, so the upload restarts by itself (at once with auto-upload, on save
/// otherwise) and the entry says so. No reload, the form's other fields back, the consumed bytes
/// equal to the original, and nothing half-written ever consumed.
/// </summary>
public sealed class UploadRecoveryTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly Regex Connected = new(@"\bphx-connected\b");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The stock client reports the progress push its dropped channel could not send.
        ExpectConsoleError("Failed to push file progress .*no connection");
        await Page.AddInitScriptAsync(StallUploadsAfterTwoChunks);
        await Page.AddInitScriptAsync(RecordUploadEvents);
    }

    [Theory]
    [InlineData("socket")]
    [InlineData("network")]
    public async Task DropMidAutoUpload_TheUploadRestartsByItself_AndTheSavedBytesAreTheOriginal(string drop)
    {
        await using var cable = TcpCable.To(Host.BaseAddress);
        await OpenAsync(cable, drop, "/test/auto-upload-draft");
        await Page.FillAsync("#title", "Quarterly report");
        var bytes = RandomBytes();
        await ChooseAsync("report.bin", bytes);
        // Two 64,000-byte chunks of 900,000: 14 %, with the half-written file on disk.
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("14");
        var halfWritten = Assert.Single(TempFiles(Host.DataPath));
        Assert.Equal(128_000, new FileInfo(halfWritten).Length);

        await DropAsync(cable, drop, () => Page.EvaluateAsync(Unstall));

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        var entry = Page.Locator(".entry");
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-done", "yes");
        await Assertions.Expect(entry.Locator(".restarted")).ToHaveTextAsync("restarted after the connection dropped");
        await Assertions.Expect(Page.Locator("#interrupted")).ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator("#title")).ToHaveValueAsync("Quarterly report");
        Assert.False(File.Exists(halfWritten), "the half-written temp file is deleted");
        Assert.Equal(["rekindle:upload-restarted doc report.bin"], await Page.EvaluateAsync<string[]>("() => window.__uploadEvents"));

        await Page.ClickAsync("#save");
        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync($"report.bin {FileSize}");
        Assert.Equal(Sha256(bytes), await saved.GetAttributeAsync("data-sha256"));
        Assert.Empty(TempFiles(Host.DataPath));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task NetworkDropMidUpload_TheFileIsBackInTheInput_AndSaveUploadsItWhole()
    {
        await using var cable = TcpCable.To(Host.BaseAddress);
        await OpenAsync(cable, "network", "/test/upload-draft");
        var bytes = RandomBytes();
        await ChooseAsync("data.bin", bytes);
        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("14");
        var halfWritten = Assert.Single(TempFiles(Host.DataPath));

        await DropAsync(cable, "network", () => Page.EvaluateAsync(Unstall));

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        var entry = Page.Locator(".entry");
        await Assertions.Expect(entry.Locator(".name")).ToHaveTextAsync("data.bin");
        await Assertions.Expect(entry.Locator(".restarted")).ToHaveTextAsync("restarted after the connection dropped");
        // Without auto-upload nothing goes before the user saves again.
        await Assertions.Expect(entry.Locator(".progress")).ToHaveTextAsync("0");
        await OnlyAsync(() => !File.Exists(halfWritten), "the half-written temp file is deleted");
        Assert.Empty(TempFiles(Host.DataPath));

        await Page.ClickAsync("#save");
        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync($"data.bin {FileSize}");
        Assert.Equal(Sha256(bytes), await saved.GetAttributeAsync("data-sha256"));
        Assert.Empty(TempFiles(Host.DataPath));
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task SocketDropMidUpload_FileGoneFromDisk_ThePageAsksForItAgain()
    {
        await GotoLiveAsync("/test/upload-draft");
        await MarkPageAsync();
        var folder = Directory.CreateTempSubdirectory("rekindle-upload-");
        var path = Path.Combine(folder.FullName, "report.bin");
        await File.WriteAllBytesAsync(path, RandomBytes());
        await Page.FillAsync("#title", "Quarterly report");
        await Page.Locator("input[type=file]").SetInputFilesAsync(path);
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("report.bin");
        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("14");

        // The browser's File only points at the file on disk: once it is gone, it cannot be sent again.
        await DropSocketAsync(() =>
        {
            folder.Delete(recursive: true);
            return Page.EvaluateAsync(Unstall);
        });

        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Assertions.Expect(Page.Locator("#interrupted")).ToHaveTextAsync("The upload of report.bin was interrupted: choose it again.");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#title")).ToHaveValueAsync("Quarterly report");
        Assert.Equal(["rekindle:upload-interrupted doc report.bin"], await Page.EvaluateAsync<string[]>("() => window.__uploadEvents"));
        await OnlyAsync(() => TempFiles(Host.DataPath).Length == 0, "the half-written temp file is deleted");

        var bytes = RandomBytes();
        await ChooseAsync("report.bin", bytes);
        await Assertions.Expect(Page.Locator("#interrupted")).ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator(".entry .restarted")).ToBeEmptyAsync();
        await Page.ClickAsync("#save");
        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync($"report.bin {FileSize}");
        Assert.Equal(Sha256(bytes), await saved.GetAttributeAsync("data-sha256"));
        await AssertNotReloadedAsync();
    }

    /// <summary>Opens the page, through the cable for a network drop, and marks it.</summary>
    private async Task OpenAsync(TcpCable cable, string drop, string path)
    {
        if (drop == "network")
        {
            Assert.Equal(200, (await Page.GotoAsync(cable.Url(path).ToString()))!.Status);
            await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        }
        else
        {
            await GotoLiveAsync(path);
        }
        await MarkPageAsync();
    }

    /// <summary>Resets the page's TCP link (network) or drops its socket; <paramref name="whileDown"/> runs while the page is cut off.</summary>
    private async Task DropAsync(TcpCable cable, string drop, Func<Task> whileDown)
    {
        if (drop == "network")
        {
            // Chromium's own report of the connection the cable reset.
            ExpectConsoleError("WebSocket connection to .* failed");
            // The cut link is a black hole; the mend resets it, and the page notices.
            cable.Cut();
            await whileDown();
            cable.Mend();
        }
        else
        {
            await DropSocketAsync(whileDown);
        }
    }

    private async Task ChooseAsync(string name, byte[] bytes)
    {
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync(name);
    }

    private static Task OnlyAsync(Func<bool> condition, string what) => WaitUntilAsync(condition, what, Timeout);
}
