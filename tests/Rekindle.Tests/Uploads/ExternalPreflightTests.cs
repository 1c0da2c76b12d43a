using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

/// <summary>The preflight reply of an external upload (docs/protocol.md §5.7), to the exact JSON, and what it does to the entries.</summary>
public sealed class ExternalPreflightTests
{
    private static ExternalUpload Presign(UploadEntry entry) => entry.ClientName switch
    {
        "refused" => ExternalUpload.Refuse("quota_exceeded"),
        "throws" => throw new InvalidOperationException("presign failed"),
        "null" => null!, // a caller ignoring the nullable annotation
        _ => ExternalUpload.To("S3", new JsonObject { ["url"] = "https://store/" + entry.ClientName }),
    };

    private static UploadConfig Config(bool autoUpload, params string[] names)
    {
        var config = new UploadConfig("doc", "phx-ref", null, 3, 100, autoUpload, Presign);
        config.PutEntries([.. names.Select((name, i) => new ClientUploadEntry(i.ToString(), name, 10, "", null))]);
        return config;
    }

    private static string Reply(UploadPushes.Outcome outcome)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            outcome.WriteReply!(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Answer_PresignedEntries_ReplyCarriesEachEntrysMetadataWithItsUploader()
    {
        var config = Config(false, "a", "b");

        var reply = Reply(ExternalPreflight.Answer(config, ["0", "1"], NullLogger.Instance));

        Assert.Equal("""{"ref":"phx-ref","config":{"max_file_size":100,"max_entries":3,"chunk_size":64000,"chunk_timeout":10000},"entries":{"0":{"url":"https://store/a","uploader":"S3"},"1":{"url":"https://store/b","uploader":"S3"}},"errors":{}}""", reply);
        Assert.All(config.Entries, entry => Assert.True(entry.IsPreflighted));
        Assert.Equal("https://store/a", (string?)config.Entries[0].ExternalMeta!["url"]);
    }

    [Fact]
    public void Answer_RefusalWithoutAutoUpload_StopsTheSelectionWithTheErrorAndUnmarksEntriesPresignedBeforeIt()
    {
        var config = Config(false, "a", "refused", "c");

        var reply = Reply(ExternalPreflight.Answer(config, ["0", "1", "2"], NullLogger.Instance));

        Assert.Equal("""{"ref":"phx-ref","error":[["1","quota_exceeded"]]}""", reply);
        Assert.All(config.Entries, entry => Assert.False(entry.IsPreflighted));
        Assert.Null(config.Entries[0].ExternalMeta);
        Assert.Equal([("1", "quota_exceeded")], config.Errors);
        Assert.False(config.Entries[1].IsValid);
    }

    [Fact]
    public void Answer_ThrowOrNullWithAutoUpload_ThoseEntriesGetPresignFailed_OthersStillGo()
    {
        var config = Config(true, "throws", "b", "null");

        var reply = Reply(ExternalPreflight.Answer(config, ["0", "1", "2"], NullLogger.Instance));

        Assert.Equal("""{"ref":"phx-ref","config":{"max_file_size":100,"max_entries":3,"chunk_size":64000,"chunk_timeout":10000},"entries":{"1":{"url":"https://store/b","uploader":"S3"}},"errors":{"0":"presign_failed","2":"presign_failed"}}""", reply);
        Assert.Equal([("0", "presign_failed"), ("2", "presign_failed")], config.Errors);
        Assert.True(config.Entries[1].IsPreflighted);
    }

    [Fact]
    public void Answer_EntryNotRequestedOrAlreadyPreflighted_NotPresignedAgain()
    {
        var config = Config(true, "a", "b");
        ExternalPreflight.Answer(config, ["0"], NullLogger.Instance);

        var reply = Reply(ExternalPreflight.Answer(config, ["0", "1"], NullLogger.Instance));

        Assert.Contains("""entries":{"1":{"url":"https://store/b","uploader":"S3"}}""", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void To_MetadataWithItsOwnUploaderKey_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => ExternalUpload.To("S3", new JsonObject { ["uploader"] = "Other" }));

        Assert.Contains("got uploader 'Other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void To_CallerChangesItsObjectAfterwards_TheAnswerKeepsItsCopy()
    {
        var meta = new JsonObject { ["url"] = "https://store/a" };
        var answer = ExternalUpload.To("S3", meta);
        meta["url"] = "changed";

        Assert.Equal("""{"url":"https://store/a","uploader":"S3"}""", answer.Meta!.ToJsonString());
    }

    [Fact]
    public void Consume_ChannelConsumeOnAnExternalUpload_ThrowsSayingWhichToUse()
    {
        var uploads = new ViewUploads();
        uploads.Allow("doc", null, 1, 100, autoUpload: true, Presign, progress: null);

        var error = Assert.Throws<InvalidOperationException>(() => uploads.Consume("doc", (path, entry) => path, transfers: null));

        Assert.Contains("Expected ConsumeExternalEntries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumeExternal_DoneAndFailedEntries_HandsOverTheDoneOnesWithTheirMetadataAndKeepsTheFailed()
    {
        var uploads = new ViewUploads();
        var config = uploads.Allow("doc", null, 3, 100, autoUpload: true, Presign, progress: null);
        config.PutEntries([new ClientUploadEntry("0", "a", 10, "", null), new ClientUploadEntry("1", "refused", 10, "", null)]);
        ExternalPreflight.Answer(config, ["0", "1"], NullLogger.Instance);
        config.Entries[0].Progress = 100;
        config.Entries[0].IsDone = true;

        var consumed = uploads.ConsumeExternal("doc", (meta, entry) => $"{entry.ClientName} {meta["url"]}");

        Assert.Equal(["a https://store/a"], consumed);
        Assert.Equal("refused", Assert.Single(config.Entries).ClientName);
    }
}
