using System.Data.Common;
using System.Globalization;

namespace Ballots.Data;

/// <summary>
/// Elections, ballots, choices and votes in a SQLite file (the default) or a PostgreSQL database
/// (<see cref="IVoteDatabase"/>). The schema is created or migrated by <see cref="Initialize"/> at
/// startup, and a new database gets the demo elections. A vote is keyed by (voter, ballot): a
/// re-submission replaces the earlier one inside the same transaction that checks it, and a composite
/// foreign key makes a choice of another ballot impossible even for a caller that skipped the checks.
/// Every method returns only after its transaction committed, so a caller may tell the voter
/// "submitted" right after.
/// </summary>
/// <remarks>Thread-safe: each call uses its own pooled connection.</remarks>
public sealed class VoteStore
{
    public const int CurrentSchemaVersion = 1;
    public const int MaxVoterIdLength = 200;
    private readonly DbDataSource _dataSource;

    /// <summary>A store on the SQLite file at <paramref name="databasePath"/>.</summary>
    public VoteStore(string databasePath)
        : this(new SqliteVoteDatabase(databasePath))
    {
    }

    public VoteStore(IVoteDatabase database)
    {
        Database = database;
        _dataSource = database.DataSource;
    }

    public IVoteDatabase Database { get; }

    /// <summary>Creates or migrates the schema; seeds the demo elections when the database is new. Returns whether it seeded.</summary>
    public bool Initialize(bool seedDemo = true)
    {
        using var connection = _dataSource.OpenConnection();
        Database.PrepareConnection(connection);
        using var transaction = connection.BeginTransaction();
        var version = Database.ReadSchemaVersion(connection, transaction);
        if (version > CurrentSchemaVersion)
        {
            throw new InvalidOperationException(
                $"The {Database.Description} has schema version {version}, newer than this app's {CurrentSchemaVersion}. Expected a database written by this or an older version of the Ballots app.");
        }
        if (version < 1)
        {
            Database.CreateSchema(connection, transaction);
        }
        // Later migrations go here: if (version < 2) { ALTER TABLE ... }
        Database.WriteSchemaVersion(connection, transaction, CurrentSchemaVersion);
        var seeded = version == 0 && seedDemo;
        if (seeded)
        {
            DemoElections.Seed(connection, transaction);
        }
        transaction.Commit();
        return seeded;
    }

    public async Task<IReadOnlyList<ElectionSummary>> ListElectionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.id, e.title, e.closed,
              (SELECT COUNT(*) FROM ballots b WHERE b.election_id = e.id),
              (SELECT COUNT(DISTINCT v.voter) FROM votes v JOIN ballots b ON b.id = v.ballot_id WHERE b.election_id = e.id)
            FROM elections e ORDER BY e.closed, e.id DESC;
            """;
        var list = new List<ElectionSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ElectionSummary(reader.GetInt64(0), reader.GetString(1), reader.GetBoolean(2), checked((int)reader.GetInt64(3)), checked((int)reader.GetInt64(4)))); // COUNT is BIGINT on PostgreSQL
        }
        return list;
    }

    /// <summary>The election with its ballots and choices in order, or <see langword="null"/>.</summary>
    public async Task<Election?> FindElectionAsync(long electionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT title, closed FROM elections WHERE id = @election;";
        Add(command, "@election", electionId);
        string title;
        bool closed;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            title = reader.GetString(0);
            closed = reader.GetBoolean(1);
        }
        command.CommandText = """
            SELECT b.id, b.question, c.id, c.label
            FROM ballots b JOIN choices c ON c.ballot_id = b.id
            WHERE b.election_id = @election
            ORDER BY b.position, b.id, c.position, c.id;
            """;
        var ballots = new List<Ballot>();
        long currentId = -1;
        string question = "";
        var choices = new List<Choice>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var ballotId = reader.GetInt64(0);
                if (ballotId != currentId)
                {
                    if (currentId >= 0)
                    {
                        ballots.Add(new Ballot(currentId, question, choices));
                    }
                    currentId = ballotId;
                    question = reader.GetString(1);
                    choices = [];
                }
                choices.Add(new Choice(reader.GetInt64(2), reader.GetString(3)));
            }
        }
        if (currentId >= 0)
        {
            ballots.Add(new Ballot(currentId, question, choices));
        }
        return new Election(electionId, title, closed, ballots);
    }

    /// <summary>Creates an election in one transaction; returns its id.</summary>
    /// <exception cref="ArgumentException">The election breaks <see cref="ElectionRules"/>.</exception>
    public async Task<long> CreateElectionAsync(NewElection election, CancellationToken cancellationToken = default)
    {
        var normalized = new NewElection(
            election.Title.Trim(),
            election.Ballots.Select(b => new NewBallot(b.Question.Trim(), b.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).ToArray())).ToArray());
        var problems = ElectionRules.Problems(normalized).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The election is not valid: {string.Join(" ", problems)}", nameof(election));
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Insert(connection, transaction, normalized, closed: false);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Gives the election a new title; returns false when there is no such election.</summary>
    /// <exception cref="ArgumentException">The title breaks <see cref="ElectionRules"/>.</exception>
    public async Task<bool> RenameElectionAsync(long electionId, string title, CancellationToken cancellationToken = default)
    {
        if (ElectionRules.CheckTitle(title) is { } problem)
        {
            throw new ArgumentException(problem, nameof(title));
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE elections SET title = @title WHERE id = @election;";
        Add(command, "@title", title.Trim());
        Add(command, "@election", electionId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Opens or closes voting; returns false when there is no such election.</summary>
    public async Task<bool> SetClosedAsync(long electionId, bool closed, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE elections SET closed = @closed WHERE id = @election;";
        Add(command, "@closed", closed);
        Add(command, "@election", electionId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Records <paramref name="voter"/>'s choice on a ballot, replacing an earlier one, after checking
    /// in the same transaction that the election exists and is open, the ballot is one of its, and the
    /// choice is one of the ballot's. Nothing is written unless the outcome is
    /// <see cref="VoteOutcome.Recorded"/> or <see cref="VoteOutcome.Replaced"/>, and then it is committed.
    /// </summary>
    public async Task<VoteOutcome> SubmitVoteAsync(string voter, long electionId, long ballotId, long choiceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(voter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(voter.Length, MaxVoterIdLength, nameof(voter));
        await using var connection = await OpenAsync(cancellationToken);
        // SQLite: BEGIN IMMEDIATE, writers queue up; PostgreSQL: the election's row is share-locked below.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        Add(command, "@election", electionId);
        Add(command, "@ballot", ballotId);
        Add(command, "@choice", choiceId);
        Add(command, "@voter", voter);

        command.CommandText = Database.ElectionStateForVoteSql;
        var closed = await command.ExecuteScalarAsync(cancellationToken);
        if (closed is null)
        {
            return VoteOutcome.UnknownElection;
        }
        if (Convert.ToBoolean(closed, CultureInfo.InvariantCulture)) // INTEGER on SQLite, BOOLEAN on PostgreSQL
        {
            return VoteOutcome.ElectionClosed;
        }
        command.CommandText = "SELECT 1 FROM ballots WHERE id = @ballot AND election_id = @election;";
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            return VoteOutcome.BallotNotInElection;
        }
        command.CommandText = "SELECT 1 FROM choices WHERE id = @choice AND ballot_id = @ballot;";
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            return VoteOutcome.ChoiceNotOnBallot;
        }
        command.CommandText = """
            SELECT choice_id FROM votes WHERE voter = @voter AND ballot_id = @ballot;
            """;
        var earlier = await command.ExecuteScalarAsync(cancellationToken);
        command.CommandText = """
            INSERT INTO votes (voter, ballot_id, choice_id, cast_at) VALUES (@voter, @ballot, @choice, @now)
            ON CONFLICT (voter, ballot_id) DO UPDATE SET choice_id = excluded.choice_id, cast_at = excluded.cast_at;
            """;
        Add(command, "@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return earlier is null ? VoteOutcome.Recorded : VoteOutcome.Replaced;
    }

    /// <summary>The voter's submitted choices in an election: ballot id → choice id.</summary>
    public async Task<IReadOnlyDictionary<long, long>> VotesOfAsync(string voter, long electionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.ballot_id, v.choice_id FROM votes v JOIN ballots b ON b.id = v.ballot_id
            WHERE v.voter = @voter AND b.election_id = @election;
            """;
        Add(command, "@voter", voter);
        Add(command, "@election", electionId);
        var votes = new Dictionary<long, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            votes[reader.GetInt64(0)] = reader.GetInt64(1);
        }
        return votes;
    }

    /// <summary>The counts of an election, read in one statement (a consistent snapshot).</summary>
    public async Task<Tally> TallyAsync(long electionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.ballot_id, c.id, COUNT(v.voter)
            FROM ballots b JOIN choices c ON c.ballot_id = b.id
            LEFT JOIN votes v ON v.ballot_id = c.ballot_id AND v.choice_id = c.id
            WHERE b.election_id = @election
            GROUP BY c.ballot_id, c.id;
            """;
        Add(command, "@election", electionId);
        var byChoice = new Dictionary<long, int>();
        var byBallot = new Dictionary<long, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = checked((int)reader.GetInt64(2));
            byChoice[reader.GetInt64(1)] = count;
            byBallot[reader.GetInt64(0)] = byBallot.GetValueOrDefault(reader.GetInt64(0)) + count;
        }
        return new Tally(byChoice, byBallot);
    }

    internal static long Insert(DbConnection connection, DbTransaction transaction, NewElection election, bool closed)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO elections (title, closed, created_at) VALUES (@title, @closed, @now) RETURNING id;";
        Add(command, "@title", election.Title);
        Add(command, "@closed", closed);
        Add(command, "@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var electionId = (long)command.ExecuteScalar()!;
        for (var b = 0; b < election.Ballots.Count; b++)
        {
            command.Parameters.Clear();
            command.CommandText = "INSERT INTO ballots (election_id, position, question) VALUES (@election, @position, @question) RETURNING id;";
            Add(command, "@election", electionId);
            Add(command, "@position", b);
            Add(command, "@question", election.Ballots[b].Question);
            var ballotId = (long)command.ExecuteScalar()!;
            var choices = election.Ballots[b].Choices;
            for (var c = 0; c < choices.Count; c++)
            {
                command.Parameters.Clear();
                command.CommandText = "INSERT INTO choices (ballot_id, position, label) VALUES (@ballot, @position, @label);";
                Add(command, "@ballot", ballotId);
                Add(command, "@position", c);
                Add(command, "@label", choices[c]);
                command.ExecuteNonQuery();
            }
        }
        return electionId;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
