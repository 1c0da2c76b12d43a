using static Rekindle.Browser.Tests.UploadFaults;

namespace Rekindle.Browser.Tests;

/// <summary>
/// An auto upload consumed by its progress callback, on /test/consume-on-progress: each file is saved
/// the moment its last chunk is in, with no submit, while the other files of the selection still upload.
/// </summary>
public sealed class ConsumeOnProgressTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task AutoUploadWithAProgressCallback_EachFileSavedWhenDone_WithoutASubmit()
    {
        await GotoLiveAsync("/test/consume-on-progress");
        await MarkPageAsync();
        var (large, small) = (RandomBytes(900_000), RandomBytes(1_000));

        await Page.Locator("input[type=file]").SetInputFilesAsync(
        [
            new FilePayload { Name = "large.bin", MimeType = "application/octet-stream", Buffer = large },
            new FilePayload { Name = "small.bin", MimeType = "application/octet-stream", Buffer = small },
        ]);

        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveCountAsync(2);
        Assert.Equal(Sha256(large), await Page.Locator("#saved li", new() { HasText = "large.bin 900000" }).GetAttributeAsync("data-sha256"));
        Assert.Equal(Sha256(small), await Page.Locator("#saved li", new() { HasText = "small.bin 1000" }).GetAttributeAsync("data-sha256"));
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        // 15 chunks of the large file and 1 of the small, each one progress push (and so one call).
        Assert.True(int.Parse((await Page.TextContentAsync("#progress-calls"))!) >= 2);
        Assert.Empty(TempFiles(Host.DataPath));
        await AssertNotReloadedAsync();
    }
}
