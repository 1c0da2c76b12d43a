using Rekindle.TestApp;
using Rekindle.TestApp.Uploads;

namespace Rekindle.Testing.Tests;

/// <summary>
/// <see cref="LiveFileInput"/> on an external upload (/test/external-upload): the preflight gives
/// metadata instead of a token, and the upload reports progress without sending bytes, as a client
/// uploader does.
/// </summary>
public sealed class ExternalUploadTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Page = "/test/external-upload";

    [Fact]
    public async Task UploadAsync_ExternalUpload_ReportsProgressAndTheViewConsumesTheEntryWithItsMetadata()
    {
        await using var view = await LiveTest.MountAsync<ExternalUploadLive>(host.App, Page);
        var doc = view.FileInput("#external-form", "doc", new UploadFile("photo.bin", "application/octet-stream", new byte[1000]));

        await doc.UploadAsync(percent: 40);
        Assert.Equal("40", view.Element(".entry .progress").Text);
        await doc.UploadAsync();
        var key = view.Element(".entry").GetAttribute("data-key");
        await view.Form("#external-form").SubmitAsync();

        Assert.Matches("^[0-9a-f-]{36}$", key);
        Assert.Equal($"photo.bin {key}", view.Element("#saved li").Text);
    }

    [Fact]
    public async Task UploadAsync_PresignRefuses_ThrowsWithTheReason()
    {
        await using var view = await LiveTest.MountAsync<ExternalUploadLive>(host.App, Page);
        var doc = view.FileInput("#external-form", "doc", new UploadFile("refuse.bin", "application/octet-stream", new byte[10]));

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => doc.UploadAsync());

        Assert.Contains("refuse.bin: quota_exceeded", error.Message, StringComparison.Ordinal);
        Assert.Equal("quota_exceeded", view.Element(".entry .error").Text);
    }
}
