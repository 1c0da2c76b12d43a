using System.Security.Cryptography;
using Rekindle.TestApp;
using Rekindle.TestApp.Parity.IssuesC;
using Rekindle.TestApp.Uploads;

namespace Rekindle.Testing.Tests;

/// <summary>
/// Uploads into custom writers through <see cref="LiveFileInput"/>: the consume hands over the writer
/// (<see cref="HashedUploadLive"/>, chunks of 1,000 bytes; <see cref="Issue4368Live"/>, chunks of 5), and
/// a writer's failure stays on its entry while the view goes on, in a view or a component
/// (<see cref="HashedUploadComponent"/>).
/// </summary>
public sealed class UploadWriterTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private static UploadFile Bytes(string name, int size)
    {
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        return new UploadFile(name, "application/octet-stream", content);
    }

    private static UploadFile Pdf(string name, string content) => new(name, "application/pdf", System.Text.Encoding.ASCII.GetBytes(content));

    [Fact]
    public async Task ConsumeUploadedEntries_WithAWriter_HandsTheCallbackEachEntrysWriter()
    {
        await using var view = await LiveTest.MountAsync<HashedUploadLive>(host.App, "/test/hashed-upload");
        var one = Bytes("one.bin", 2_500);
        var two = Bytes("two.bin", 1_000);
        var docs = view.FileInput("#hash-form", "docs", one, two);

        await docs.UploadAsync();
        await view.Form("#hash-form").SubmitAsync();

        Assert.Equal(
            [$"one.bin {Convert.ToHexStringLower(SHA256.HashData(one.Content))}", $"two.bin {Convert.ToHexStringLower(SHA256.HashData(two.Content))}"],
            view.Elements("li.hash").Select(element => element.Text));
    }

    [Fact]
    public async Task ConsumeUploadedEntry_InTheProgressCallback_HandsOverTheWriter()
    {
        await using var view = await LiveTest.MountAsync<Issue4368Live>(host.App, "/test/parity/issue-4368");
        var documents = view.FileInput("#upload-form", "documents", Pdf("good.pdf", "0000000000"));

        await documents.UploadAsync();

        Assert.Equal("consumed: good.pdf", view.Element("#consumed").Text);
        Assert.Empty(view.Elements(".upload-entry"));
    }

    [Fact]
    public async Task UploadAsync_WriterFailsAChunk_TheEntryKeepsTheFailureUntilCancelled()
    {
        await using var view = await LiveTest.MountAsync<Issue4368Live>(host.App, "/test/parity/issue-4368");
        var documents = view.FileInput("#upload-form", "documents", Pdf("bad.pdf", "00000error"));

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => documents.UploadAsync());
        Assert.Contains("writer_error", error.Message, StringComparison.Ordinal);
        await view.WaitForElementAsync(".upload-entry[data-name='bad.pdf'] .upload-error", "writer_failure: invalid_pdf");

        await view.Element(".upload-entry[data-name='bad.pdf'] button").ClickAsync();
        Assert.Empty(view.Elements(".upload-entry"));
        await view.Form("#upload-form").SubmitAsync();
        Assert.Equal("submitted: true", view.Element("#submitted").Text);
    }

    [Fact]
    public async Task AllowUpload_InAComponentWithAWriter_ConsumesOneEntryAndKeepsTheOthersFailure()
    {
        await using var view = await LiveTest.MountAsync<HashedUploadComponentLive>(host.App, "/test/hashed-upload-component");
        var good = Bytes("good.bin", 10);
        var files = view.FileInput("#hashed-form", "files", good, Bytes("bad.bin", 10));

        var error = await Assert.ThrowsAsync<LiveViewTestException>(() => files.UploadAsync());
        Assert.Contains("writer_error", error.Message, StringComparison.Ordinal);

        await view.WaitForElementAsync(".entry[data-name='bad.bin']", "writer_failure: refused");
        await view.WaitForElementAsync("li.hash", $"good.bin {Convert.ToHexStringLower(SHA256.HashData(good.Content))}");
        Assert.Single(view.Elements(".entry"));
    }
}
