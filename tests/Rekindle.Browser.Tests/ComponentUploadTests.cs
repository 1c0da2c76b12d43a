namespace Rekindle.Browser.Tests;

/// <summary>
/// An upload owned by a LiveComponent (issue 21 item 4), with the stock client: the form targets
/// the component, so the selection, the preflight and the progress carry its cid, and the
/// component, not the view, validates, shows progress and consumes the file.
/// </summary>
public sealed class ComponentUploadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private string TempFolder => Path.Combine(Host.DataPath, "temp");

    [Fact]
    public async Task ComponentUpload_FileOfSeveralChunks_TheComponentShowsProgressAndConsumesTheWholeFile()
    {
        await GotoLiveAsync("/test/upload-component");
        await MarkPageAsync();
        var cid = await Page.Locator("#attachment-form").GetAttributeAsync("phx-target");
        Assert.Matches("^[0-9]+$", cid);

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "scan.bin", MimeType = "application/octet-stream", Buffer = new byte[300_000] });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("scan.bin");
        await Page.ClickAsync("#save");

        await Assertions.Expect(Page.Locator("#saved li")).ToHaveTextAsync("scan.bin 300000");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        Assert.Empty(Directory.Exists(TempFolder) ? Directory.GetFiles(TempFolder, "upload-*", SearchOption.AllDirectories) : []);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ComponentUpload_TypeNotAccepted_TheComponentShowsNotAccepted()
    {
        await GotoLiveAsync("/test/upload-component");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = new byte[10] });

        await Assertions.Expect(Page.Locator(".entry .errors")).ToHaveTextAsync("not_accepted");
    }
}
