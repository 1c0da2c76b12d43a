using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>
/// External uploads with the stock client: the view's presign callback names a client uploader
/// (<c>TestStore</c>, registered through <c>window.Rekindle.uploaders</c>) and its metadata, and the
/// file goes from Chromium straight to the test app's object store, never over the socket.
/// </summary>
public sealed class ExternalUploadTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private ILocator Entry => Page.Locator(".entry");

    [Fact]
    public async Task ExternalUpload_StoreAccepts_BytesReachTheStoreAndTheViewConsumesTheEntryWithItsMetadata()
    {
        await GotoLiveAsync("/test/external-upload");
        await MarkPageAsync();

        await ChooseAsync("photo.bin", 400_000);

        await Assertions.Expect(Entry).ToHaveAttributeAsync("data-done", "yes");
        await Assertions.Expect(Entry.Locator(".progress")).ToHaveTextAsync("100");
        var key = await Entry.GetAttributeAsync("data-key");
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal("400000", await StoreStateAsync(key!));

        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator("#saved li")).ToHaveTextAsync($"photo.bin {key}");
        await Assertions.Expect(Entry).ToHaveCountAsync(0);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ExternalUpload_StoreAnswers500_EntryShowsExternalClientFailureAndTheViewKeepsRunning()
    {
        ExpectConsoleError("status of 500");
        await GotoLiveAsync("/test/external-upload");
        await MarkPageAsync();

        await ChooseAsync("fail.bin", 50_000);

        await Assertions.Expect(Entry.Locator(".error")).ToHaveTextAsync("external_client_failure");
        Assert.Equal("refused", await StoreStateAsync((await Entry.GetAttributeAsync("data-key"))!));
        await Assertions.Expect(Entry).ToHaveAttributeAsync("data-done", "no");
        await Page.ClickAsync("#ping");
        await Assertions.Expect(Page.Locator("#pings")).ToHaveTextAsync("1");
        await Entry.Locator(".cancel").ClickAsync();
        await Assertions.Expect(Entry).ToHaveCountAsync(0);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ExternalUpload_UserCancelsMidUpload_EntryRemovedAndTheUploaderAbortsTheRequest()
    {
        await GotoLiveAsync("/test/external-upload");
        await MarkPageAsync();

        await ChooseAsync("slow.bin", 400_000);

        await Assertions.Expect(Entry).ToHaveAttributeAsync("data-key", new Regex("^hold-"));
        var key = (await Entry.GetAttributeAsync("data-key"))!;
        await WaitForStoreStateAsync(key, "holding");
        await Assertions.Expect(Entry.Locator(".progress")).Not.ToHaveTextAsync("100");
        await Entry.Locator(".cancel").ClickAsync();

        await Assertions.Expect(Entry).ToHaveCountAsync(0);
        await WaitForStoreStateAsync(key, "aborted");
        await Page.ClickAsync("#save");
        await Assertions.Expect(Page.Locator("#saved li")).ToHaveCountAsync(0);
        await AssertNotReloadedAsync();
    }

    [Fact]
    public async Task ExternalUpload_PresignRefusesOrThrows_EntryShowsTheReasonAndNothingIsSent()
    {
        ExpectServerError("presign callback of external upload doc threw");
        await GotoLiveAsync("/test/external-upload");
        await MarkPageAsync();

        await ChooseAsync("refuse.bin", 10_000);
        await Assertions.Expect(Entry.Locator(".error")).ToHaveTextAsync("quota_exceeded");
        await Assertions.Expect(Entry).ToHaveAttributeAsync("data-key", "");
        await Entry.Locator(".cancel").ClickAsync();
        await Assertions.Expect(Entry).ToHaveCountAsync(0);

        await ChooseAsync("throw.bin", 10_000);
        await Assertions.Expect(Entry.Locator(".error")).ToHaveTextAsync("presign_failed");
        await Assertions.Expect(Entry).ToHaveAttributeAsync("data-key", "");
        await Page.ClickAsync("#ping");
        await Assertions.Expect(Page.Locator("#pings")).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }

    private Task ChooseAsync(string name, int bytes) =>
        Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = new byte[bytes] });

    private async Task<string> StoreStateAsync(string key)
    {
        var response = await Page.APIRequest.GetAsync(Fixture.Url($"/test/object-store/{key}").ToString());
        return response.Ok ? await response.TextAsync() : $"HTTP {response.Status}";
    }

    /// <summary>The store's side of the request runs on its own: poll it, as the page's assertions do.</summary>
    private async Task WaitForStoreStateAsync(string key, string expected)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        string state;
        while ((state = await StoreStateAsync(key)) != expected && DateTime.UtcNow < deadline)
        {
            await Page.WaitForTimeoutAsync(50);
        }
        Assert.Equal(expected, state);
    }
}
