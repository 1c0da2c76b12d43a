using static Rekindle.Browser.Tests.UploadFaults;

namespace Rekindle.Browser.Tests;

/// <summary>
/// An auto upload cut off by the death of the server (<c>kill -9</c>) or its SIGTERM drain (issue 18
/// item 4): the files are still in the browser, Rekindle's client puts them back after the rejoin,
/// and they upload whole to the new process, which deletes the old one's half-written file.
/// </summary>
public sealed class UploadRestartTests(ServerProcessFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Theory]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task ServerGoesMidAutoUpload_TheUploadRestartsByItselfOnTheNewProcess(Fault fault)
    {
        // The stock client reports the progress push its dropped channel could not send.
        ExpectConsoleError("Failed to push file progress .*no connection");
        await Page.AddInitScriptAsync(StallUploadsAfterTwoChunks);
        await Page.AddInitScriptAsync(RecordUploadEvents);
        Assert.Equal(200, (await Page.GotoAsync(Server.Url("/test/auto-upload-draft").ToString()))!.Status);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await MarkPageAsync();
        // Another test of the class may have left a killed process's half-written file behind.
        var before = TempFiles(Server.DataPath).ToHashSet();
        await Page.FillAsync("#title", "Quarterly report");
        var bytes = RandomBytes();
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "report.bin", MimeType = "application/octet-stream", Buffer = bytes });
        await Assertions.Expect(Locator(".entry .progress")).ToHaveTextAsync("14");
        var halfWritten = Assert.Single(TempFiles(Server.DataPath).Except(before));
        Assert.Equal(128_000, new FileInfo(halfWritten).Length);

        await ForceReconnectAsync(fault, () => Page.EvaluateAsync(Unstall));

        var entry = Locator(".entry");
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-done", "yes");
        await Assertions.Expect(entry.Locator(".restarted")).ToHaveTextAsync("restarted after the connection dropped");
        await Assertions.Expect(Locator("#title")).ToHaveValueAsync("Quarterly report");
        Assert.Equal(["rekindle:upload-restarted doc report.bin"], await Page.EvaluateAsync<string[]>("() => window.__uploadEvents"));
        await Page.ClickAsync("#save");
        var saved = Locator("#saved li");
        await Assertions.Expect(saved).ToHaveTextAsync($"report.bin {FileSize}");
        Assert.Equal(Sha256(bytes), await saved.GetAttributeAsync("data-sha256"));
        // The drain deletes the half-written file as the view ends; after kill -9 the new process
        // deletes it with the dead process's temp folder when its first upload claims its own.
        Assert.False(File.Exists(halfWritten), "the half-written file of the process that went is still there");
        Assert.Empty(TempFiles(Server.DataPath).Except(before));
        if (fault == Fault.ServerKill)
        {
            Assert.Contains(Server.Logs, line => line.EventId.Id == 1806);
        }
        await AssertNotReloadedAsync();
    }
}
