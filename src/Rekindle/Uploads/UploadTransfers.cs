using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Rekindle.Uploads;

/// <summary>
/// The transfers of one view, by id. The view adds them at preflight and removes them when it
/// consumes or cancels; the socket looks them up when a client joins an <c>lvu:</c> channel. When
/// the view ends, <see cref="DeleteAll"/> removes every temp file it still had.
/// </summary>
internal sealed class UploadTransfers
{
    private static readonly ConcurrentDictionary<string, UploadTransfer> None = new(StringComparer.Ordinal);

    /// <summary>Made at the first upload: most views never upload, and an empty concurrent dictionary costs ~600 B.</summary>
    private ConcurrentDictionary<string, UploadTransfer>? _byId;
    private volatile bool _ended;

    private ConcurrentDictionary<string, UploadTransfer> ById => Volatile.Read(ref _byId) ?? None;

    public UploadTransfer Create(string folder, string configRef, string entryRef, long expectedSize, TimeSpan chunkTimeout)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var transfer = new UploadTransfer(id, configRef, entryRef, expectedSize, chunkTimeout, Path.Combine(folder, "upload-" + id));
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
