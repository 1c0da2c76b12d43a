namespace Rekindle.Browser.Tests;

/// <summary>Auto uploads with the stock client: files go as soon as they are chosen, with their progress shown.</summary>
public sealed class AutoUploadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>Records every value the progress spans take, so the test sees progress land before any submit.</summary>
    private const string RecordProgress = """
        () => {
          window.progressSeen = [];
          new MutationObserver(() => document.querySelectorAll('.entry .progress')
              .forEach((el) => window.progressSeen.push(el.textContent)))
            .observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [Fact]
    public async Task ChoosingAFile_UploadsItWithoutASubmit_ShowingProgress_AndTheSubmitGetsTheWholeFile()
    {
        await GotoLiveAsync("/test/auto-upload");
        await Page.EvaluateAsync(RecordProgress);
        await Page.EvaluateAsync("() => window.marker = 'no reload'");

        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "photo.bin", MimeType = "application/octet-stream", Buffer = new byte[400_000] });

        var entry = Page.Locator(".entry");
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-done", "yes");
        await Assertions.Expect(entry.Locator(".progress")).ToHaveTextAsync("100");
        await Assertions.Expect(entry.Locator(".bar")).ToHaveAttributeAsync("value", "100");
        var seen = await Page.EvaluateAsync<string[]>("() => window.progressSeen");
        Assert.True(seen.Where(value => value is not ("0" or "100")).Distinct().Count() >= 3, "intermediate progress: " + string.Join(",", seen.Distinct()));

        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator("#saved li")).ToHaveTextAsync("photo.bin 400000");
        await Assertions.Expect(entry).ToHaveCountAsync(0);
        Assert.Equal("no reload", await Page.EvaluateAsync<string>("() => window.marker"));
    }
}
