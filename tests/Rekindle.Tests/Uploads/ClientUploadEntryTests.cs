using System.Text.Json;
using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

public sealed class ClientUploadEntryTests
{
    [Theory]
    [InlineData("""{"rekindle_restarted":true}""", true)]
    [InlineData("""{"rekindle_restarted":"true"}""", false)]
    [InlineData("""{"rekindle_restarted":1}""", false)]
    [InlineData("""{"other":true}""", false)]
    [InlineData("""[true]""", false)]
    [InlineData("null", false)]
    public void TryReadList_Meta_OnlyALiteralTrueMarksTheEntryRestarted(string meta, bool restarted)
    {
        using var json = JsonDocument.Parse($$"""[{"ref":"0","name":"a.bin","size":3,"type":"","meta":{{meta}}}]""");

        Assert.True(ClientUploadEntry.TryReadList(json.RootElement, out var entries, out var error), error);

        Assert.Equal(restarted, Assert.Single(entries).Restarted);
    }

    [Fact]
    public void PutEntries_RestartedClientEntry_EntryIsRestarted()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 2, 100);

        config.PutEntries([new ClientUploadEntry("0", "a", 1, "", null, Restarted: true), new ClientUploadEntry("1", "b", 1, "", null)]);

        Assert.Equal([true, false], config.Entries.Select(entry => entry.IsRestarted));
    }
}
