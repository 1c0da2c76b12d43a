using Microsoft.Data.Sqlite;
using Rekindle.Storage;

namespace Rekindle.Recovery;

/// <summary>
/// Snapshots in a SQLite file (WAL): survives crashes and restarts of a single-machine app. Saves
/// from all views are committed in batches, one transaction per batch (group commit), and each save
/// completes only after its transaction committed, so a reply sent after <see cref="SaveAsync"/> never
/// promises state a <c>kill -9</c> could lose. A save that finds no commit running commits at once on
/// its own thread, with whatever queued meanwhile: at low load a reply costs no hop to a writer thread
/// and back. Saves that arrive during a commit queue up and the next commit, run on the thread pool,
/// takes them all, so under load batches grow instead of commits. The writer's connection runs WAL
/// with <c>synchronous = NORMAL</c>: a commit is in the WAL file when it returns, which survives the
/// process dying; only an OS crash or power loss can lose the last commits, and full fsyncs doubled
/// the time per event (bench/results). Writes are conditional on the generation: a late write of an
/// older snapshot never replaces a newer one.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    // About 1,000 WAL pages (SQLite's own auto-checkpoint) at two to three pages per commit.
    private const int CommitsPerCheckpoint = 384;
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            data BLOB NOT NULL,
            expires_at INTEGER NOT NULL);
        """;

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly SqliteSnapshotWriter _writer;
    private readonly Queue<SqliteSavePending> _queue = new();
    private readonly Lock _lock = new();

    // Held by the one thread committing; saves that find it taken leave their save to that committer.
    private readonly SemaphoreSlim _committer = new(1, 1);
    private readonly List<SqliteSavePending> _batch = new(MaxBatch);
    private bool _disposed;
    private int _commitsSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>Opens (or creates) the SQLite file at <paramref name="databasePath"/>; the schema is created by the first use.</summary>
    /// <param name="databasePath">The database file; its folder must exist.</param>
    /// <param name="time">The clock that decides expiry.</param>
    public SqliteStateStore(string databasePath, TimeProvider time)
    {
        _file = new SqliteFile(databasePath, Schema);
        _time = time;
        _writer = new SqliteSnapshotWriter(_file, time);
    }

    /// <inheritdoc/>
    public ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var pending = new SqliteSavePending(key, generation, snapshot.ToArray(), timeToLive);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(pending);
        }
        if (_committer.Wait(0))
        {
            CommitQueued();
            ReleaseCommitter();
        }
        return pending.Task.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(pending.Task.WaitAsync(cancellationToken));
    }
    /// <inheritdoc/>
    public async ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM snapshots WHERE key = $key AND expires_at > $now;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    /// <inheritdoc/>
    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Commits what is queued, then refuses further saves.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        // Once the committer is ours, no other commit runs; every save was queued before _disposed was set.
        await _committer.WaitAsync();
        while (CommitQueued())
        {
        }
        _writer.Dispose();
        await _checkpoint;
    }

    /// <summary>Commits what is queued, then refuses further saves (blocking).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Commits one batch of what is queued (the committer is held); false when nothing was queued.</summary>
    private bool CommitQueued()
    {
        lock (_lock)
        {
            while (_batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
            {
                _batch.Add(pending);
            }
        }
        if (_batch.Count == 0)
        {
            return false;
        }
        try
        {
            _writer.Commit(_batch);
            foreach (var pending in _batch)
            {
                pending.TrySetResult();
            }
            if (++_commitsSinceCheckpoint >= CommitsPerCheckpoint && _checkpoint.IsCompleted)
            {
                _commitsSinceCheckpoint = 0;
                _checkpoint = Task.Run(CheckpointAsync);
            }
        }
        catch (Exception exception)
        {
            // The waiting views log the failure; the next commit opens a new connection.
            foreach (var pending in _batch)
            {
                pending.TrySetException(exception);
            }
        }
        _batch.Clear();
        return true;
    }

    /// <summary>
    /// Hands the committer back. Saves queued during the commit just ended found it taken and rely on
    /// someone committing them: a task on the thread pool does, so this thread's reply does not wait
    /// for other views' saves.
    /// </summary>
    private void ReleaseCommitter()
    {
        _committer.Release();
        if (HasQueued() && _committer.Wait(0))
        {
            _ = Task.Run(CommitAllQueued);
        }
    }

    private void CommitAllQueued()
    {
        while (CommitQueued())
        {
        }
        ReleaseCommitter();
    }

    /// <summary>
    /// Copies committed pages from the WAL into the database file on a connection of its own, while
    /// commits go on (a passive checkpoint waits for nobody). A checkpoint that fails leaves the pages
    /// in the WAL, where they are as durable; the next one copies them.
    /// </summary>
    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await _file.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
        }
    }

    private bool HasQueued()
    {
        lock (_lock)
        {
            return _queue.Count > 0 && !_disposed;
        }
    }
}
