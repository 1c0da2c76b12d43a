using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Rekindle.Uploads;

/// <summary>
/// The folder this process writes upload temp files into: <c>temp/&lt;random id&gt;</c> in the data folder,
/// owned through <c>temp/&lt;id&gt;.lock</c>, a file the process holds open exclusively (an advisory
/// lock the kernel releases when the process dies, even by <c>kill -9</c>). Claimed on the first upload,
/// after deleting the folders whose lock nobody holds: the half-written files of processes that are gone,
/// which nothing else would ever delete. Processes sharing a data folder never
/// touch each other's live files.
/// </summary>
internal sealed partial class UploadTempFolder(string root, ILogger<UploadTempFolder> logger) : IDisposable
{
    private const string LockExtension = ".lock";

    private readonly Lock _gate = new();
    private FileStream? _ownership;
    private string? _path;

    /// <summary>This process's folder, claimed (and the abandoned ones deleted) on first use.</summary>
    public string Path
    {
        get
        {
            lock (_gate)
            {
                return _path ??= Claim();
            }
        }
    }

    private string Claim()
    {
        Directory.CreateDirectory(root);
        DeleteAbandoned();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        // The lock first: a folder is never seen without its owner's lock.
        _ownership = new FileStream(System.IO.Path.Combine(root, id + LockExtension), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        return Directory.CreateDirectory(System.IO.Path.Combine(root, id)).FullName;
    }

    private void DeleteAbandoned()
    {
        var (files, bytes) = (0, 0L);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var lockPath = folder + LockExtension;
            try
            {
                // Opening the lock exclusively succeeds only when no process holds it; a lock file that
                // is gone belongs to an owner that died while its folder was being deleted.
                using var abandoned = File.Exists(lockPath) ? new FileStream(lockPath, FileMode.Open, FileAccess.Write, FileShare.None) : null;
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
                {
                    (files, bytes) = (files + 1, bytes + file.Length);
                }
                Directory.Delete(folder, recursive: true);
                File.Delete(lockPath);
            }
            catch (IOException)
            {
                // Held: a live process's folder. Or deleted meanwhile by another process's sweep.
            }
            catch (UnauthorizedAccessException exception)
            {
                Log.NotDeleted(logger, folder, exception.Message);
            }
        }
        if (files > 0)
        {
            Log.Deleted(logger, files, bytes, root);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_ownership is null)
            {
                return;
            }
            // Ended views have deleted their files already; what remains belongs to nobody now.
            try
            {
                Directory.Delete(_path!, recursive: true);
                File.Delete(_ownership.Name);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Log.NotDeleted(logger, _path!, exception.Message);
            }
            _ownership.Dispose();
            _ownership = null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1806, LogLevel.Information, "Deleted {Files} upload temp files ({Bytes} bytes) in {Folder} that processes which are gone left unfinished.", EventName = nameof(Deleted))]
        public static partial void Deleted(ILogger logger, int files, long bytes, string folder);

        [LoggerMessage(1807, LogLevel.Warning, "The upload temp folder {Folder} could not be deleted ({Reason}); its files stay on disk.", EventName = nameof(NotDeleted))]
        public static partial void NotDeleted(ILogger logger, string folder, string reason);
    }
}
