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
    private readonly ConcurrentDictionary<string, UploadTransfer> _byId = new(StringComparer.Ordinal);
    private volatile bool _ended;

    public UploadTransfer Create(string folder, string configRef, string entryRef, long expectedSize, TimeSpan chunkTimeout)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var transfer = new UploadTransfer(id, configRef, entryRef, expectedSize, chunkTimeout, Path.Combine(folder, "upload-" + id));
        _byId[id] = transfer;
        if (_ended)
        {
            // The view ended while this was being created: nothing will delete it later.
            Remove(transfer);
        }
        return transfer;
    }

    public UploadTransfer? Find(string id) => _byId.GetValueOrDefault(id);

    public UploadTransfer? Find(string configRef, string entryRef)
    {
        foreach (var transfer in _byId.Values)
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
        _byId.TryRemove(transfer.Id, out _);
        transfer.Delete();
    }

    public void DeleteAll()
    {
        _ended = true;
        foreach (var transfer in _byId.Values)
        {
            Remove(transfer);
        }
    }
}
