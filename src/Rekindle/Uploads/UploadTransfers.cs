using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rekindle.Uploads;

/// <summary>
/// The transfers of one view, by id. The view adds them at preflight and removes them when it
/// consumes or cancels; the socket looks them up when a client joins an <c>lvu:</c> channel. When
/// the view ends, <see cref="DeleteAll"/> removes every temp file it still had (and cancels its writers).
/// </summary>
internal sealed class UploadTransfers(ILogger? logger = null)
{
    private static readonly ConcurrentDictionary<string, UploadTransfer> None = new(StringComparer.Ordinal);

    /// <summary>Made at the first upload: most views never upload, and an empty concurrent dictionary costs ~600 B.</summary>
    private ConcurrentDictionary<string, UploadTransfer>? _byId;
    private volatile bool _ended;

    private ConcurrentDictionary<string, UploadTransfer> ById => Volatile.Read(ref _byId) ?? None;

    /// <summary>
    /// Called, off the view's loop, when a custom writer fails an entry: (config ref, entry ref, reason).
    /// Set by the view's process, which posts it to the view's loop.
    /// </summary>
    public Action<string, string, string>? WriterFailed { get; set; }

    public UploadTransfer Create(string folder, string configRef, string entryRef, long expectedSize, TimeSpan chunkTimeout, int chunkSize = UploadConfig.DefaultChunkSize, IUploadWriter? writer = null)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var run = writer is null ? null : new UploadWriterRun(writer, logger ?? NullLogger.Instance);
        var transfer = new UploadTransfer(id, configRef, entryRef, expectedSize, chunkTimeout, Path.Combine(folder, "upload-" + id), chunkSize, run, reason => WriterFailed?.Invoke(configRef, entryRef, reason));
        Created()[id] = transfer;
        if (_ended)
        {
            // The view ended while this was being created: nothing will delete it later.
            Remove(transfer);
        }
        return transfer;
    }

    private ConcurrentDictionary<string, UploadTransfer> Created()
    {
        if (Volatile.Read(ref _byId) is { } existing)
        {
            return existing;
        }
        var made = new ConcurrentDictionary<string, UploadTransfer>(StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref _byId, made, null) ?? made;
    }

    public UploadTransfer? Find(string id) => ById.GetValueOrDefault(id);

    public UploadTransfer? Find(string configRef, string entryRef)
    {
        foreach (var transfer in ById.Values)
        {
            if (transfer.ConfigRef == configRef && transfer.EntryRef == entryRef)
            {
                return transfer;
            }
        }
        return null;
    }

    public void Remove(UploadTransfer transfer)
    {
        ById.TryRemove(transfer.Id, out _);
        transfer.Delete();
    }

    public void DeleteAll()
    {
        _ended = true;
        foreach (var transfer in ById.Values)
        {
            Remove(transfer);
        }
    }
}
