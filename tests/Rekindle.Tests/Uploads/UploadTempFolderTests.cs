using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Uploads;

namespace Rekindle.Tests.Uploads;

/// <summary>
/// Upload temp folders on a real file system: a process's first upload deletes the folders of processes
/// that are gone (their lock is free), never a live one's (its lock is held), and its own folder goes
/// when it stops.
/// </summary>
public sealed class UploadTempFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rekindle-upload-temp-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Path_FolderOfAProcessThatIsGone_DeletedWithItsHalfWrittenFile()
    {
        var gone = LeftBehind("0a0a0a0a0a0a0a0a", lockHeld: false);

        using var folder = new UploadTempFolder(_root, NullLogger<UploadTempFolder>.Instance);
        var own = folder.Path;

        Assert.False(Directory.Exists(gone.Folder));
        Assert.False(File.Exists(gone.Folder + ".lock"));
        Assert.True(Directory.Exists(own));
        Assert.StartsWith(_root, own);
    }

    [Fact]
    public void Path_FolderOfALiveProcess_KeepsItsFiles()
    {
        var live = LeftBehind("0b0b0b0b0b0b0b0b", lockHeld: true);

        using var folder = new UploadTempFolder(_root, NullLogger<UploadTempFolder>.Instance);
        _ = folder.Path;

        Assert.True(File.Exists(live.File));
        live.Lock!.Dispose();
    }

    [Fact]
    public void Path_TwoProcessesOnOneDataFolder_EachKeepsItsOwnFolder()
    {
        using var first = new UploadTempFolder(_root, NullLogger<UploadTempFolder>.Instance);
        File.WriteAllBytes(Path.Combine(first.Path, "upload-1"), [1, 2, 3]);
        using var second = new UploadTempFolder(_root, NullLogger<UploadTempFolder>.Instance);

        Assert.NotEqual(first.Path, second.Path);
        Assert.True(File.Exists(Path.Combine(first.Path, "upload-1")));
    }

    [Fact]
    public void Dispose_AfterUse_DeletesItsFolderAndLock()
    {
        var folder = new UploadTempFolder(_root, NullLogger<UploadTempFolder>.Instance);
        var own = folder.Path;
        File.WriteAllBytes(Path.Combine(own, "upload-1"), [1]);

        folder.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    /// <summary>A folder with a half-written upload, as a process leaves it; its lock held open as by a live process, or free as after a kill.</summary>
    private (string Folder, string File, FileStream? Lock) LeftBehind(string id, bool lockHeld)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, id)).FullName;
        var file = Path.Combine(folder, "upload-abc");
        File.WriteAllBytes(file, new byte[128_000]);
        var ownership = new FileStream(folder + ".lock", FileMode.CreateNew, FileAccess.Write, FileShare.None);
        if (!lockHeld)
        {
            ownership.Dispose();
            return (folder, file, null);
        }
        return (folder, file, ownership);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
