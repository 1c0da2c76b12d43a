using Microsoft.Data.Sqlite;

namespace Rekindle.Storage;

/// <summary>
/// A SQLite database file in WAL mode whose schema is created once, before the first connection
/// is handed out. Writers run <c>synchronous = NORMAL</c>: a commit is in the WAL file when it
/// returns, which survives the process dying; only an OS crash or power loss can lose the last commits.
/// </summary>
internal sealed class SqliteFile
{
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly Lazy<bool> _schemaCreated;

    /// <param name="databasePath">The file; its folder is created if missing.</param>
    /// <param name="schema">Idempotent statements (<c>IF NOT EXISTS</c>) that create the tables.</param>
    public SqliteFile(string databasePath, string schema)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        _schema = schema;
        _schemaCreated = new Lazy<bool>(CreateSchema);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        _ = _schemaCreated.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Opens a connection for writing on the calling thread; <paramref name="setup"/> runs on it after
    /// the pragma. For writers that commit on the thread that asked (Microsoft.Data.Sqlite runs every
    /// command synchronously, so an async open would only add a state machine).
    /// </summary>
    public SqliteConnection OpenWriter(string setup)
    {
        _ = _schemaCreated.Value;
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL;\n" + setup;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection for writing; <paramref name="setup"/> runs on it after the pragma.</summary>
    public async Task<SqliteConnection> OpenWriterAsync(string setup, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;\n" + setup;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private bool CreateSchema()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + _schema;
        command.ExecuteNonQuery();
        return true;
    }
}
