using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Ballots.Data;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writers queue up (a vote's transaction is
/// <c>BEGIN IMMEDIATE</c>, Microsoft.Data.Sqlite's default), which is what keeps an election from
/// closing in the middle of a vote; the schema version is <c>PRAGMA user_version</c>.
/// </summary>
public sealed class SqliteVoteDatabase : IVoteDatabase
{
    public SqliteVoteDatabase(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!); // a full path always has a directory
        DataSource = SqliteFactory.Instance.CreateDataSource(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 5, // seconds a writer waits for another one (SQLITE_BUSY retries), well under Rekindle:Runtime:HandlerTimeout
        }.ToString());
    }

    public string DatabasePath { get; }

    public DbDataSource DataSource { get; }

    public string Description => $"SQLite file {DatabasePath}";

    public string ElectionStateForVoteSql => "SELECT closed FROM elections WHERE id = @election;";

    public void PrepareConnection(DbConnection connection) => Execute(connection, null, "PRAGMA journal_mode = WAL;");

    public int ReadSchemaVersion(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void CreateSchema(DbConnection connection, DbTransaction transaction) => Execute(connection, transaction, """
        CREATE TABLE elections (
          id INTEGER PRIMARY KEY,
          title TEXT NOT NULL,
          closed INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL);
        CREATE TABLE ballots (
          id INTEGER PRIMARY KEY,
          election_id INTEGER NOT NULL REFERENCES elections (id),
          position INTEGER NOT NULL,
          question TEXT NOT NULL);
        CREATE INDEX ballots_by_election ON ballots (election_id, position);
        CREATE TABLE choices (
          id INTEGER PRIMARY KEY,
          ballot_id INTEGER NOT NULL REFERENCES ballots (id),
          position INTEGER NOT NULL,
          label TEXT NOT NULL,
          UNIQUE (ballot_id, id));
        CREATE TABLE votes (
          voter TEXT NOT NULL,
          ballot_id INTEGER NOT NULL,
          choice_id INTEGER NOT NULL,
          cast_at INTEGER NOT NULL,
          PRIMARY KEY (voter, ballot_id),
          FOREIGN KEY (ballot_id, choice_id) REFERENCES choices (ballot_id, id));
        CREATE INDEX votes_by_choice ON votes (choice_id);
        """);

    public void WriteSchemaVersion(DbConnection connection, DbTransaction transaction, int version) =>
        Execute(connection, transaction, $"PRAGMA user_version = {version};");

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
