using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

public sealed class UploadConfigTests
{
    [Theory]
    [InlineData(".png", "a.png", "image/png", true)]
    [InlineData(".png", "A.PNG", "", true)]
    [InlineData(".png", "a.jpg", "image/png", true)] // the type of an accepted extension is accepted, as upstream
    [InlineData(".png", "a.jpg", "image/jpeg", false)]
    [InlineData("image/*", "a.webp", "image/webp", true)]
    [InlineData("image/*", "a.txt", "text/plain", false)]
    [InlineData("application/pdf", "a.pdf", "application/pdf", true)]
    [InlineData(".txt, .md", "notes.md", "", true)]
    public void PutEntries_AcceptFilter_MatchesByTypeOrExtension(string accept, string name, string type, bool accepted)
    {
        var config = new UploadConfig("doc", "phx-ref", accept, 1, 100);

        config.PutEntries([new ClientUploadEntry("0", name, 10, type, null)]);

        Assert.Equal(accepted, config.Entries[0].IsValid);
        Assert.Equal(accepted ? [] : [("0", "not_accepted")], config.Errors);
    }

    [Fact]
    public void PutEntries_OverMaxFileSize_EntryKeptWithTooLarge()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 1, 100);

        config.PutEntries([new ClientUploadEntry("0", "a", 101, "", null)]);

        Assert.False(config.Entries[0].IsValid);
        Assert.Equal([("0", "too_large")], config.Errors);
    }

    [Fact]
    public void PutEntries_MoreThanMaxEntries_TooManyFilesUntilOneIsDropped()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 2, 100);

        config.PutEntries([new("0", "a", 1, "", null), new("1", "b", 1, "", null), new("2", "c", 1, "", null)]);
        Assert.Equal([("phx-ref", "too_many_files")], config.Errors);
        config.Drop(config.Entries[2]);

        Assert.Empty(config.Errors);
        Assert.Equal(["0", "1"], config.Entries.Select(entry => entry.Ref));
    }

    [Fact]
    public void PutEntries_ThousandsOfFiles_KeepsOnlySixteenPastTheLimit()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 2, 100);

        config.PutEntries([.. Enumerable.Range(0, 5000).Select(i => new ClientUploadEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "a", 1, "", null))]);

        Assert.Equal(18, config.Entries.Count);
        Assert.Equal([("phx-ref", "too_many_files")], config.Errors);
    }

    [Fact]
    public void PutEntries_SingleEntryUploadGetsANewFile_ReplacesTheOldOne()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 1, 100);
        config.PutEntries([new ClientUploadEntry("0", "a", 1, "", null)]);

        var replaced = config.PutEntries([new ClientUploadEntry("1", "b", 1, "", null)]);

        Assert.Equal(["0"], replaced.Select(entry => entry.Ref));
        Assert.Equal(["1"], config.Entries.Select(entry => entry.Ref));
    }

    [Fact]
    public void PutEntries_KnownRefAgain_KeepsTheEntryAndItsProgress()
    {
        var config = new UploadConfig("doc", "phx-ref", null, 2, 100);
        config.PutEntries([new ClientUploadEntry("0", "a", 1, "", null)]);
        config.Entries[0].Progress = 40;

        config.PutEntries([new ClientUploadEntry("0", "a", 1, "", null)]);

        Assert.Equal(40, Assert.Single(config.Entries).Progress);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("image/png; charset=x")]
    public void Constructor_BadAcceptFilter_ThrowsNamingTheUpload(string accept)
    {
        var error = Assert.Throws<ArgumentException>(() => new UploadConfig("doc", "phx-ref", accept, 1, 100));

        Assert.Contains("'doc'", error.Message);
    }
}
