using Microsoft.Data.Sqlite;
using Rekindle.Storage;

namespace Rekindle.Recovery;

/// <summary>
/// The write side of <see cref="SqliteStateStore"/>: one connection and its statements, prepared once
/// and reused for every batch (parsing the upsert per commit cost more than the insert itself at one
/// save per commit). Used by one thread at a time, the store's current committer.
/// </summary>
internal sealed class SqliteSnapshotWriter(SqliteFile file, TimeProvider time) : IDisposable
{
    private const string Upsert = """
        INSERT INTO snapshots (key, generation, data, expires_at) VALUES ($key, $generation, $data, $expires)
        ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, data = excluded.data, expires_at = excluded.expires_at
        WHERE excluded.generation > snapshots.generation OR snapshots.expires_at <= $now;
        """;

    private SqliteConnection? _connection;
    private SqliteCommand? _begin;
    private SqliteCommand? _upsert;
    private SqliteCommand? _commit;
    private SqliteCommand? _expire;
    private long _batches;

    /// <summary>Commits the saves in one transaction; on failure the connection is dropped and the next batch opens a new one.</summary>
    public void Commit(List<SqliteSavePending> batch)
    {
        try
        {
            if (_connection is null)
            {
                Open();
            }
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            // Every statement is prepared on the writer's connection: set below, never null here.
            _begin!.ExecuteNonQuery();
            var upsert = _upsert!;
            upsert.Parameters[4].Value = now;
            foreach (var pending in batch)
            {
                upsert.Parameters[0].Value = pending.Key;
                upsert.Parameters[1].Value = pending.Generation;
                upsert.Parameters[2].Value = pending.Snapshot;
                upsert.Parameters[3].Value = now + (long)pending.TimeToLive.TotalMilliseconds;
                upsert.ExecuteNonQuery();
            }
            if (++_batches % 1000 == 0)
            {
                _expire!.Parameters[0].Value = now;
                _expire.ExecuteNonQuery();
            }
            _commit!.ExecuteNonQuery();
        }
        catch
        {
            // Closing the connection rolls back an open transaction.
            Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _begin?.Dispose();
        _upsert?.Dispose();
        _commit?.Dispose();
        _expire?.Dispose();
        _connection?.Dispose();
        (_connection, _begin, _upsert, _commit, _expire) = (null, null, null, null, null);
    }

    private void Open()
    {
        // Checkpoints run beside the commits (SqliteStateStore), never inside one: a checkpoint syncs the
        // database file, and on a busy disk that held the reply waiting on the commit for seconds.
        var connection = file.OpenWriter(setup: "PRAGMA wal_autocheckpoint = 0;");
        _connection = connection;
        _begin = Command(connection, "BEGIN IMMEDIATE;");
        _commit = Command(connection, "COMMIT;");
        _upsert = Command(connection, Upsert);
        _upsert.Parameters.Add("$key", SqliteType.Text);
        _upsert.Parameters.Add("$generation", SqliteType.Integer);
        _upsert.Parameters.Add("$data", SqliteType.Blob);
        _upsert.Parameters.Add("$expires", SqliteType.Integer);
        _upsert.Parameters.Add("$now", SqliteType.Integer);
        _expire = Command(connection, "DELETE FROM snapshots WHERE expires_at <= $now;");
        _expire.Parameters.Add("$now", SqliteType.Integer);
    }

    private static SqliteCommand Command(SqliteConnection connection, string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        return command;
    }
}
