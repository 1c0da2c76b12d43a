using Rekindle.TestApp.Uploads;
using static Rekindle.Browser.Tests.UploadFaults;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Save clicked while the server has not yet answered the file selection: the stock client alone
/// would submit without uploading, the view's <c>ConsumeUploadedEntries</c> would throw (as upstream's
/// does) and the view would crash. Rekindle's client holds the submit until the selection's reply,
/// then the file uploads and the submit goes.
/// </summary>
public sealed class UploadSubmitRaceTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task SaveBeforeTheSelectionsReply_TheFileUploadsFirst_AndTheViewSavesIt()
    {
        await GotoLiveAsync("/test/gated-upload-draft");
        await MarkPageAsync();
        await Page.FillAsync("#title", "Quarterly report");
        SelectionGate.Close();
        try
        {
            var bytes = RandomBytes();
            var input = Page.Locator("input[type=file]");
            await input.SetInputFilesAsync(new FilePayload { Name = "report.bin", MimeType = "application/octet-stream", Buffer = bytes });
            await Assertions.Expect(input).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bphx-change-loading\b"));
            await Page.ClickAsync("#save");
            SelectionGate.Open();

            var saved = Page.Locator("#saved li");
            await Assertions.Expect(saved).ToHaveTextAsync($"report.bin {FileSize}");
            Assert.Equal(Sha256(bytes), await saved.GetAttributeAsync("data-sha256"));
            await Assertions.Expect(Page.Locator(".entry")).ToHaveCountAsync(0);
            await Assertions.Expect(Page.Locator("#title")).ToHaveValueAsync("Quarterly report");
            Assert.Empty(TempFiles(Host.DataPath));
            await AssertNotReloadedAsync();
        }
        finally
        {
            SelectionGate.Open();
        }
    }
}
