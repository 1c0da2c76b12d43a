using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

/// <summary>The refusals of consuming one entry (the progress callback's consume), each saying what was expected.</summary>
public sealed class ConsumeEntryTests
{
    private readonly ViewUploads _uploads = new();

    [Fact]
    public void ConsumeEntry_EntryStillUploading_ThrowsAndKeepsIt()
    {
        var entry = Selected(_uploads.Allow("photos", null, 2, 100, autoUpload: true, external: null, progress: null), progress: 40);

        var error = Assert.Throws<InvalidOperationException>(() => _uploads.ConsumeEntry(entry, (path, e) => path, transfers: null));

        Assert.Contains("at 40 %. Expected a done entry", error.Message, StringComparison.Ordinal);
        Assert.Single(_uploads.ByName["photos"].Entries);
    }

    [Fact]
    public void ConsumeEntry_EntryOfNoUploadOfThisOwner_Throws()
    {
        var elsewhere = new ViewUploads();
        var entry = Selected(elsewhere.Allow("photos", null, 1, 100, autoUpload: true, external: null, progress: null), progress: 100);
        _uploads.Allow("photos", null, 1, 100, autoUpload: true, external: null, progress: null);

        var error = Assert.Throws<InvalidOperationException>(() => _uploads.ConsumeEntry(entry, (path, e) => path, transfers: null));

        Assert.Contains("in none of this owner's uploads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumeEntry_EntryOfAnExternalUpload_ThrowsSayingWhichToUse()
    {
        var entry = Selected(_uploads.Allow("photos", null, 1, 100, autoUpload: true, external: e => ExternalUpload.Refuse("no"), progress: null), progress: 100);

        var error = Assert.Throws<InvalidOperationException>(() => _uploads.ConsumeEntry(entry, (path, e) => path, transfers: null));

        Assert.Contains("Expected ConsumeExternalEntries", error.Message, StringComparison.Ordinal);
    }

    private static UploadEntry Selected(UploadConfig config, int progress)
    {
        config.PutEntries([new ClientUploadEntry("0", "a.bin", 10, "", null)]);
        var entry = config.Entries[0];
        entry.Progress = progress;
        entry.IsDone = progress == 100;
        return entry;
    }
}
