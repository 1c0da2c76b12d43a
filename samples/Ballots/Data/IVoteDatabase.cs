using System.Data.Common;

namespace Ballots.Data;

/// <summary>
/// What differs between the databases <see cref="VoteStore"/> runs on: where connections come from,
/// the schema's DDL and version bookkeeping, and how a vote locks its election. The queries
/// themselves are shared (standard SQL with <c>@name</c> parameters, which both providers accept).
/// </summary>
public interface IVoteDatabase : IAsyncDisposable
{
    /// <summary>Pooled connections; each <see cref="VoteStore"/> call opens its own.</summary>
    DbDataSource DataSource { get; }

    /// <summary>For messages: the provider and where the data is (never a password).</summary>
    string Description { get; }

    /// <summary>
    /// <c>SELECT closed FROM elections WHERE id = @election</c>, plus whatever keeps the election
    /// from being closed until the vote's transaction ends.
    /// </summary>
    string ElectionStateForVoteSql { get; }

    /// <summary>Runs before the migration's transaction opens (SQLite's journal mode cannot change inside one).</summary>
    void PrepareConnection(DbConnection connection);

    /// <summary>
    /// The schema version inside the migration's transaction (0 for an empty database), after taking
    /// whatever lock keeps two nodes starting at once from migrating together.
    /// </summary>
    int ReadSchemaVersion(DbConnection connection, DbTransaction transaction);

    /// <summary>Creates the tables of schema version 1.</summary>
    void CreateSchema(DbConnection connection, DbTransaction transaction);

    void WriteSchemaVersion(DbConnection connection, DbTransaction transaction, int version);
}
