namespace Rekindle.Uploads;

/// <summary>
/// The bytes of one upload entry on their way to a temp file, or to the upload's custom writer
/// (<see cref="Writer"/>). Created when the view answers the
/// preflight; the file is created when the client joins the entry's <c>lvu:</c> channel and
/// closed when exactly the declared size has arrived. Chunks are written from the socket's read
/// loop while the view may cancel or consume from its own loop, so every transition takes the lock;
/// <see cref="Delete"/> is final and idempotent, and leaves no file behind (and cancels a writer).
/// </summary>
internal sealed class UploadTransfer(string id, string configRef, string entryRef, long expectedSize, TimeSpan chunkTimeout, string path, int chunkSize = UploadConfig.DefaultChunkSize, UploadWriterRun? writer = null, Action<string>? onFailed = null)
{
    private readonly Lock _lock = new();
    private FileStream? _file;
    private TransferState _state;
    private long _written;
    private bool _writing;
    private Action? _onDeleted;

    public string Id { get; } = id;

    public string ConfigRef { get; } = configRef;

    public string EntryRef { get; } = entryRef;

    public long ExpectedSize { get; } = expectedSize;

    /// <summary>How long the channel may wait for the next chunk before the transfer is abandoned.</summary>
    public TimeSpan ChunkTimeout { get; } = chunkTimeout;

    public string Path { get; } = path;

    /// <summary>The largest chunk the upload's config told the client to send.</summary>
    public int ChunkSize { get; } = chunkSize;

    /// <summary>The custom writer the bytes go to; null for a temp file.</summary>
    public UploadWriterRun? Writer { get; } = writer;

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
            if (Writer is not null)
            {
                // Opened by the channel, off the read loop (OpenWriterAsync).
                _state = TransferState.Writing;
                _onDeleted = onDeleted;
                return null;
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

    /// <summary>Opens the custom writer after <see cref="Open"/>; null, or the entry's failure (reported to the view).</summary>
    public async ValueTask<string?> OpenWriterAsync()
    {
        var error = await Writer!.OpenAsync(); // called for writer transfers only
        return error is null ? null : Failed(error);
    }

    /// <summary>
    /// Hands one chunk to the custom writer. The client sends the next chunk only after this one's
    /// reply, so a chunk arriving while one is being written is refused as a protocol error.
    /// </summary>
    public async ValueTask<(ChunkResult Result, string? Error)> WriteToWriterAsync(ReadOnlyMemory<byte> chunk)
    {
        var run = Writer!; // called for writer transfers only
        bool last, tooLarge;
        lock (_lock)
        {
            if (_state != TransferState.Writing || _writing)
            {
                return (_state == TransferState.Complete ? ChunkResult.TooLarge : ChunkResult.Closed, null);
            }
            tooLarge = _written + chunk.Length > ExpectedSize;
            if (tooLarge)
            {
                _onDeleted = null;
                _state = TransferState.Closed;
            }
            _written += chunk.Length;
            last = _written == ExpectedSize;
            _writing = !tooLarge;
        }
        if (tooLarge)
        {
            // Outside the lock: the writer's close is user code.
            run.Cancel();
            return (ChunkResult.TooLarge, null);
        }
        var error = await run.WriteAsync(chunk, last);
        lock (_lock)
        {
            _writing = false;
            if (_state != TransferState.Writing)
            {
                return (ChunkResult.Closed, null);
            }
            if (error is null)
            {
                _state = last ? TransferState.Complete : _state;
                return (ChunkResult.Ok, null);
            }
        }
        return (ChunkResult.WriterError, Failed(error));
    }

    /// <summary>The writer failed: the transfer ends without closing its channel (the chunk's reply does), and the view hears why.</summary>
    private string Failed(string error)
    {
        lock (_lock)
        {
            _onDeleted = null;
            _state = TransferState.Closed;
        }
        onFailed?.Invoke(error);
        return error;
    }

    /// <summary>Abandons the transfer: closes and deletes its file. Safe to call at any time, any number of times.</summary>
    public void Delete()
    {
        Action? onDeleted;
        lock (_lock)
        {
            onDeleted = DeleteLocked();
        }
        // Outside the lock: the writer's close is user code.
        Writer?.Cancel();
        onDeleted?.Invoke();
    }

    /// <summary>Closes and deletes the file; returns the deletion callback, which the caller may run outside the lock.</summary>
    private Action? DeleteLocked()
    {
        var onDeleted = _onDeleted;
        _onDeleted = null;
        var hadFile = _state != TransferState.Waiting && Writer is null;
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
