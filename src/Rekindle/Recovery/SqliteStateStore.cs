using Microsoft.Data.Sqlite;

namespace Rekindle.Recovery;

/// <summary>
/// Snapshots in a SQLite file: survives restarts and crashes of a single-machine app without
/// sending snapshots to the browser. Writes are conditional on the generation, so a late write of
/// an older snapshot never replaces a newer one.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private bool _schemaReady;
    private int _writes;

    public SqliteStateStore(string databasePath, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!); // a full path always has a directory
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        _time = time;
    }

    public async ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snapshots (key, generation, data, expires_at) VALUES ($key, $generation, $data, $expires)
            ON CONFLICT (key) DO UPDATE SET generation = excluded.generation, data = excluded.data, expires_at = excluded.expires_at
            WHERE excluded.generation > snapshots.generation OR snapshots.expires_at <= $now;
            """;
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$generation", generation);
        command.Parameters.AddWithValue("$data", snapshot.ToArray());
        command.Parameters.AddWithValue("$expires", now + (long)timeToLive.TotalMilliseconds);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (Interlocked.Increment(ref _writes) % 1000 == 0)
        {
            await DeleteExpiredAsync(connection, now, cancellationToken);
        }
    }

    public async ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data FROM snapshots WHERE key = $key AND expires_at > $now;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _schemaLock.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_schemaReady)
        {
            await EnsureSchemaAsync(connection, cancellationToken);
        }
        return connection;
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS snapshots (
                    key TEXT PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    expires_at INTEGER NOT NULL);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }

    private static async Task DeleteExpiredAsync(SqliteConnection connection, long now, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM snapshots WHERE expires_at <= $now;";
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
