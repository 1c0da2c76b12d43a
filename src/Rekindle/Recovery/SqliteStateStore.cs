using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Rekindle.Storage;

namespace Rekindle.Recovery;

/// <summary>
/// Snapshots in a SQLite file (WAL): survives crashes and restarts of a single-machine app. Saves
/// from all views go through one writer that commits whatever is queued in a single transaction
/// (group commit), and each save completes only after its transaction committed, so a reply sent
/// after <see cref="SaveAsync"/> never promises state a <c>kill -9</c> could lose. The writer's
/// connection runs WAL with <c>synchronous = NORMAL</c>: a commit is in the WAL file when it
/// returns, which survives the process dying; only an OS crash or power loss can lose the last
/// commits, and full fsyncs doubled the time per event (bench/results). Writes are
/// conditional on the generation: a late write of an older snapshot never replaces a newer one.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            key TEXT PRIMARY KEY,
            generation INTEGER NOT NULL,
            data BLOB NOT NULL,
            expires_at INTEGER NOT NULL);
        """;

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _batches;

    /// <summary>Opens (or creates) the SQLite file at <paramref name="databasePath"/> and starts the writer that commits saves in batches.</summary>
    /// <param name="databasePath">The database file; its folder must exist.</param>
    /// <param name="time">The clock that decides expiry.</param>
    public SqliteStateStore(string databasePath, TimeProvider time)
    {
        _file = new SqliteFile(databasePath, Schema);
        _time = time;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc/>
    public ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var pending = new PendingSave(key, generation, snapshot.ToArray(), timeToLive);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteStateStore));
        }
        return new ValueTask(pending.Committed.Task.WaitAsync(cancellationToken));
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

    /// <summary>Commits what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    /// <summary>Commits what is queued, then stops the writer (blocking).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingSave>(MaxBatch);
        SqliteConnection? connection = null;
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                connection ??= await _file.OpenWriterAsync(setup: "", CancellationToken.None);
                await CommitAsync(connection, batch);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // The waiting views log the failure; the writer keeps serving later saves on a new connection.
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(exception);
                }
                connection?.Dispose();
                connection = null;
            }
            batch.Clear();
        }
        connection?.Dispose();
    }

    private async Task CommitAsync(SqliteConnection connection, List<PendingSave> batch)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO snapshots (key, generation, data, expires_at) VALUES ($key, $generation, $data, $expires)
            ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, data = excluded.data, expires_at = excluded.expires_at
            WHERE excluded.generation > snapshots.generation OR snapshots.expires_at <= $now;
            """;
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var generation = command.Parameters.Add("$generation", SqliteType.Integer);
        var data = command.Parameters.Add("$data", SqliteType.Blob);
        var expires = command.Parameters.Add("$expires", SqliteType.Integer);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$now", now);
        foreach (var pending in batch)
        {
            key.Value = pending.Key;
            generation.Value = pending.Generation;
            data.Value = pending.Snapshot;
            expires.Value = now + (long)pending.TimeToLive.TotalMilliseconds;
            await command.ExecuteNonQueryAsync();
        }
        if (++_batches % 1000 == 0)
        {
            command.CommandText = "DELETE FROM snapshots WHERE expires_at <= $now;";
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private sealed record PendingSave(string Key, long Generation, byte[] Snapshot, TimeSpan TimeToLive)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
