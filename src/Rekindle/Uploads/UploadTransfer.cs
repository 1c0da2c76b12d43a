namespace Rekindle.Uploads;

/// <summary>
/// The bytes of one upload entry on their way to a temp file. Created when the view answers the
/// preflight; the file is created when the client joins the entry's <c>lvu:</c> channel and
/// closed when exactly the declared size has arrived. Chunks are written from the socket's read
/// loop while the view may cancel or consume from its own loop, so every transition takes the lock;
/// <see cref="Delete"/> is final and idempotent, and leaves no file behind.
/// </summary>
internal sealed class UploadTransfer(string id, string configRef, string entryRef, long expectedSize, TimeSpan chunkTimeout, string path)
{
    private readonly Lock _lock = new();
    private FileStream? _file;
    private TransferState _state;
    private Action? _onDeleted;

    public string Id { get; } = id;

    public string ConfigRef { get; } = configRef;

    public string EntryRef { get; } = entryRef;

    public long ExpectedSize { get; } = expectedSize;

    /// <summary>How long the channel may wait for the next chunk before the transfer is abandoned.</summary>
    public TimeSpan ChunkTimeout { get; } = chunkTimeout;

    public string Path { get; } = path;

    public bool IsComplete
    {
        get
        {
            lock (_lock)
            {
                return _state == TransferState.Complete;
            }
        }
    }

    /// <summary>
    /// Creates the temp file for the channel that just joined; null, or the client's join error
    /// reason. <paramref name="onDeleted"/> runs once if <see cref="Delete"/> later ends the transfer.
    /// </summary>
    public string? Open(Action onDeleted)
    {
        lock (_lock)
        {
            switch (_state)
            {
                case TransferState.Waiting:
                    break;
                case TransferState.Closed:
                    return "disallowed";
                default:
                    return "already_registered";
            }
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!); // Path is always a file inside the temp folder
                _file = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                _state = TransferState.Closed;
                return "writer_error";
            }
            _state = TransferState.Writing;
            _onDeleted = onDeleted;
            if (ExpectedSize == 0)
            {
                CloseFile(TransferState.Complete);
            }
            return null;
        }
    }

    public ChunkResult Write(ReadOnlySpan<byte> chunk)
    {
        lock (_lock)
        {
            if (_state == TransferState.Complete)
            {
                // Every declared byte is in; the finished file stays for the view to consume.
                return ChunkResult.TooLarge;
            }
            if (_state != TransferState.Writing || _file is null)
            {
                return ChunkResult.Closed;
            }
            if (_file.Position + chunk.Length > ExpectedSize)
            {
                DeleteLocked();
                return ChunkResult.TooLarge;
            }
            try
            {
                _file.Write(chunk);
            }
            catch (IOException)
            {
                DeleteLocked();
                return ChunkResult.WriterError;
            }
            if (_file.Position == ExpectedSize)
            {
                CloseFile(TransferState.Complete);
            }
            return ChunkResult.Ok;
        }
    }

    /// <summary>Abandons the transfer: closes and deletes its file. Safe to call at any time, any number of times.</summary>
    public void Delete()
    {
        Action? onDeleted;
        lock (_lock)
        {
            onDeleted = DeleteLocked();
        }
        onDeleted?.Invoke();
    }

    /// <summary>Closes and deletes the file; returns the deletion callback, which the caller may run outside the lock.</summary>
    private Action? DeleteLocked()
    {
        var onDeleted = _onDeleted;
        _onDeleted = null;
        var hadFile = _state != TransferState.Waiting;
        CloseFile(TransferState.Closed);
        if (hadFile)
        {
            try
            {
                File.Delete(Path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Moved or locked by the consumer's callback; the consumer owns it now.
            }
        }
        return onDeleted;
    }

    private void CloseFile(TransferState next)
    {
        _file?.Dispose();
        _file = null;
        _state = next;
    }

    private enum TransferState
    {
        Waiting,
        Writing,
        Complete,
        Closed,
    }
}
