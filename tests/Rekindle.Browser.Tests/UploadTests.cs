using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>Uploads with the stock client: a real file in several chunks, the limits' errors, and no temp files left.</summary>
public sealed class UploadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>Records every value the progress spans take, so the test sees each progress reply land.</summary>
    private const string RecordProgress = """
        () => {
          window.progressSeen = [];
          new MutationObserver(() => document.querySelectorAll('.entry .progress')
              .forEach((el) => window.progressSeen.push(el.textContent)))
            .observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private string TempFolder => Path.Combine(Host.DataPath, "temp");

    [Fact]
    public async Task Upload_FileOfSeveralChunks_ProgressReachesHundredAndTheSavedFileHasItsBytes()
    {
        var bytes = RandomBytes(400_000);
        await GotoLiveAsync("/test/upload");
        await Page.EvaluateAsync(RecordProgress);

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "data.bin", MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("data.bin");
        await Assertions.Expect(Page.Locator(".entry .progress")).ToHaveTextAsync("0");
        await Page.ClickAsync("#save");

        var saved = Page.Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync("data.bin 100");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
        var path = await saved.GetAttributeAsync("data-path");
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path!));
        var seen = await Page.EvaluateAsync<string[]>("() => window.progressSeen");
        Assert.Contains("100", seen);
        // 400,000 bytes in 64,000-byte chunks: seven chunks, a progress reply after each.
        Assert.True(seen.Where(value => value is not ("0" or "100")).Distinct().Count() >= 3, "intermediate progress: " + string.Join(",", seen.Distinct()));
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task Upload_FileOverTheLimit_ShowsTooLargeAndSubmitsNothing_AnotherFileThenUploads()
    {
        await GotoLiveAsync("/test/upload");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = RandomBytes((int)UploadLive.MaxFileSize + 1) });
        await Assertions.Expect(Page.Locator(".entry .errors")).ToHaveTextAsync("too_large");
        await Page.ClickAsync("#save");
        await Page.ClickAsync(".entry .cancel");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "small.txt", MimeType = "text/plain", Buffer = RandomBytes(1000) });
        await Assertions.Expect(Page.Locator(".entry .name")).ToHaveTextAsync("small.txt");
        await Page.ClickAsync("#save");

        await Assertions.Expect(Page.Locator("#saved li")).ToHaveTextAsync("small.txt 100");
        Assert.Empty(TempFiles());
    }

    [Fact]
    public async Task Upload_MoreFilesThanAllowed_ShowsTooManyFiles()
    {
        await GotoLiveAsync("/test/upload");

        await Page.Locator("input[type=file]").SetInputFilesAsync(
        [
            new FilePayload { Name = "a.txt", MimeType = "text/plain", Buffer = RandomBytes(10) },
            new FilePayload { Name = "b.txt", MimeType = "text/plain", Buffer = RandomBytes(10) },
            new FilePayload { Name = "c.txt", MimeType = "text/plain", Buffer = RandomBytes(10) },
        ]);

        await Assertions.Expect(Page.Locator("#upload-errors")).ToHaveTextAsync("too_many_files");
        await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Upload_TypeNotAccepted_ShowsNotAccepted()
    {
        await GotoLiveAsync("/test/upload");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = RandomBytes(10) });

        await Assertions.Expect(Page.Locator(".entry .errors")).ToHaveTextAsync("not_accepted");
    }

    private string[] TempFiles() => Directory.Exists(TempFolder) ? Directory.GetFiles(TempFolder, "upload-*", SearchOption.AllDirectories) : [];

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
