using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>The preflight of an auto upload, on /test/auto-upload (two files of at most 2 MB): its valid entries start beside the errors of the others, as upstream's.</summary>
public sealed partial class UploadTests
{
    [Fact]
    public async Task AllowUpload_AutoUploadWithATooLargeFileAndOneTooMany_StartsTheValidEntryAndNamesTheErrors()
    {
        await using var session = await UploadSession.StartAsync(fixture, "/test/auto-upload");
        JsonObject[] Selection() => [Entry("0", "a.bin", 10), Entry("1", "big.bin", 3_000_000), Entry("2", "c.bin", 10)];
        await session.SelectAsync(Selection());

        var reply = await session.PreflightAsync(Selection());

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        var response = reply["response"]!;
        Assert.Equal(["0"], response["entries"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal("""{"1":["too_large"]}""", response["errors"]!.ToJsonString());
        Assert.Null(response["error"]);
    }
}
