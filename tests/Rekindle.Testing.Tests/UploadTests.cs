using Rekindle.TestApp;

namespace Rekindle.Testing.Tests;

/// <summary>
/// <see cref="LiveFileInput"/> against /test/upload (two .bin or .txt files of at most 1 MB): the
/// selection validated by the view, uploads in chunks with progress, partial uploads, errors,
/// cancel, and the submit that consumes the files.
/// </summary>
public sealed class UploadTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Page = "/test/upload";

    private static UploadFile Bytes(string name, int size)
    {
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        return new UploadFile(name, "application/octet-stream", content);
    }

    [Fact]
    public async Task UploadAsync_ThenSubmit_TheViewConsumesTheWholeFile()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var notes = new UploadFile("notes.txt", "text/plain", "hello, upload"u8.ToArray());
        var doc = view.FileInput("#upload-form", "doc", notes);

        await doc.UploadAsync();
        Assert.Equal("100", view.Element(".entry .progress").Text);
        await view.Form("#upload-form").SubmitAsync();

        var saved = view.Element("li.saved");
        Assert.Equal("notes.txt 100", saved.Text);
        Assert.Equal(notes.Content, await File.ReadAllBytesAsync(saved.GetAttribute("data-path")!));
    }

    [Fact]
    public async Task LiveFileInput_ExtraAttributes_AreRenderedBesideTheUploadsOwn()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);

        var input = view.Element("#upload-form input[type=file]");
        Assert.Equal("doc-picker", input.GetAttribute("class"));
        Assert.Equal("documents", input.GetAttribute("data-kind"));
        Assert.Equal(".bin,.txt", input.GetAttribute("accept"));
        Assert.Equal("Phoenix.LiveFileUpload", input.GetAttribute("data-phx-hook"));
    }

    [Fact]
    public async Task UploadEntry_IsPreflighted_IsFalseWhenSelectedAndTrueOncePreflighted()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var doc = view.FileInput("#upload-form", "doc", Bytes("one.bin", 10));

        await doc.SelectAsync();
        Assert.Equal("waiting", view.Element(".entry .preflighted").Text);
        Assert.Empty(await doc.PreflightAsync());

        Assert.Equal("preflighted", view.Element(".entry .preflighted").Text);
        Assert.Equal("0", view.Element(".entry .progress").Text);
    }

    [Fact]
    public async Task UploadAsync_Percent_SendsThatShareInChunksAndReportsProgress()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var big = Bytes("big.bin", 200_000);
        var doc = view.FileInput("#upload-form", "doc", big, Bytes("small.bin", 10));

        await doc.UploadAsync("big.bin", percent: 49);
        Assert.Equal(["49", "0"], view.Elements(".entry .progress").Select(progress => progress.Text));
        await doc.UploadAsync("big.bin");
        await doc.UploadAsync("small.bin");
        Assert.Equal(["100", "100"], view.Elements(".entry .progress").Select(progress => progress.Text));
        await view.Form("#upload-form").SubmitAsync();

        var path = view.Element("li.saved", text: "big.bin").GetAttribute("data-path")!;
        Assert.Equal(big.Content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task SelectAsync_WrongTypeAndTooLarge_ShowsTheEntriesErrorsAndUploadIsRefused()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var doc = view.FileInput("#upload-form", "doc", new UploadFile("photo.png", "image/png", [1, 2, 3]), Bytes("huge.bin", (int)UploadLive.MaxFileSize + 1));

        await doc.SelectAsync();

        Assert.Equal(["not_accepted", "too_large"], view.Elements(".entry .errors").Select(errors => errors.Text));
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => doc.UploadAsync());
        Assert.Equal("The server refused the upload of 'doc': photo.png: not_accepted, huge.bin: too_large.", error.Message);
    }

    [Fact]
    public async Task SelectAsync_MoreFilesThanAllowed_ShowsTooManyFiles()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var doc = view.FileInput("#upload-form", "doc", Bytes("a.bin", 1), Bytes("b.bin", 1), Bytes("c.bin", 1));

        await doc.SelectAsync();

        Assert.Equal("too_many_files", view.Element("#upload-errors").Text);
    }

    [Fact]
    public async Task Cancel_HalfUploadedEntry_IsGoneAndItsChannelClosed()
    {
        await using var view = await LiveTest.MountAsync<UploadLive>(host.App, Page);
        var doc = view.FileInput("#upload-form", "doc", Bytes("half.bin", 100_000));
        await doc.UploadAsync(percent: 50);

        await view.Element(".entry .cancel").ClickAsync();

        view.RefuteElement(".entry");
        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => doc.UploadAsync());
        Assert.StartsWith("The server refused the chunk of 'half.bin' on lvu:0", error.Message);
    }
}
