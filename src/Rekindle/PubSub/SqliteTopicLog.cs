using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Rekindle.Storage;

namespace Rekindle.PubSub;

/// <summary>
/// The topic logs of a single-node app, in a SQLite file (WAL) beside the snapshots: they survive a
/// crash or restart, so a view restored afterwards still gets what it missed. Positions are
/// <c>0-rowid</c> (AUTOINCREMENT: never reused). Each topic keeps about
/// <see cref="PubSubOptions.LogLength"/> messages no older than the snapshots' life; the highest
/// trimmed id per topic is kept, so a read after a trimmed position knows it is incomplete.
/// </summary>
internal sealed partial class SqliteTopicLog : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS topic_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            type TEXT NOT NULL,
            body TEXT NOT NULL,
            at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS topic_log_by_topic ON topic_log (topic, id);
        CREATE TABLE IF NOT EXISTS topic_trimmed (topic TEXT PRIMARY KEY, through INTEGER NOT NULL);
        """;

    /// <summary>Trimming collects the ids it deletes here; a temp table lives with the writer's connection.</summary>
    private const string WriterSetup = "CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY, topic TEXT NOT NULL);";

    private readonly SqliteFile _file;
    private readonly int _length;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _writeConnection;
    private int _appendsSinceTrim;

    public SqliteTopicLog(string databasePath, int length, TimeSpan maxAge, TimeProvider time, ILogger logger)
    {
        _file = new SqliteFile(databasePath, Schema);
        _length = length;
        _maxAge = maxAge;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<TopicPosition> AppendAsync(string topic, string type, string json, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var connection = _writeConnection ??= await _file.OpenWriterAsync(WriterSetup, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO topic_log (topic, type, body, at) VALUES ($topic, $type, $body, $at) RETURNING id;";
            command.Parameters.AddWithValue("$topic", topic);
            command.Parameters.AddWithValue("$type", type);
            command.Parameters.AddWithValue("$body", json);
            command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (++_appendsSinceTrim > _length / 4)
            {
                _appendsSinceTrim = 0;
                await TrimAsync(connection, cancellationToken);
            }
            return new TopicPosition(0, id);
        }
        catch (SqliteException)
        {
            _writeConnection?.Dispose();
            _writeConnection = null;
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask<TopicPosition> HeadAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(id) FROM topic_log WHERE topic = $topic;";
        command.Parameters.AddWithValue("$topic", topic);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? new TopicPosition(0, id) : TopicPosition.Start;
    }

    public async ValueTask<TopicHistory> ReadAfterAsync(string topic, TopicPosition after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT coalesce((SELECT through FROM topic_trimmed WHERE topic = $topic), 0), coalesce((SELECT max(id) FROM topic_log WHERE topic = $topic), 0);
            SELECT id, type, body FROM topic_log WHERE topic = $topic AND id > $after ORDER BY id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$topic", topic);
        command.Parameters.AddWithValue("$after", after.Major == 0 ? after.Minor : long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var trimmedThrough = reader.GetInt64(0);
        var head = new TopicPosition(0, reader.GetInt64(1));
        // A position from another log (Redis, or a file deleted since: ids beyond the head) says nothing about this one.
        var complete = after.Major == 0 && trimmedThrough <= after.Minor && after <= head;
        var messages = new List<PubSubMessage>();
        await reader.NextResultAsync(cancellationToken);
        while (complete && await reader.ReadAsync(cancellationToken))
        {
            var message = messages.Count < limit ? Read(topic, reader.GetString(1), reader.GetString(2)) : null;
            if (message is null)
            {
                complete = false;
                break;
            }
            messages.Add(new PubSubMessage(topic, message, new TopicPosition(0, reader.GetInt64(0))));
        }
        return new TopicHistory(complete ? messages : [], complete, TopicPosition.Max(head, after));
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.WaitAsync();
        if (_writeConnection is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    private object? Read(string topic, string type, string json)
    {
        try
        {
            return MessageJson.Read(type, json) ?? UnknownType(topic, type);
        }
        catch (JsonException exception)
        {
            Log.UnreadableMessage(_logger, exception, topic);
            return null;
        }
    }

    private object? UnknownType(string topic, string type)
    {
        Log.UnknownType(_logger, topic, type);
        return null;
    }

    private async Task TrimAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM doomed;
            INSERT INTO doomed SELECT id, topic FROM (
                SELECT id, topic, at, row_number() OVER (PARTITION BY topic ORDER BY id DESC) AS newer FROM topic_log)
            WHERE newer > $keep OR at < $oldest;
            INSERT INTO topic_trimmed (topic, through) SELECT topic, max(id) FROM doomed WHERE true GROUP BY topic
            ON CONFLICT (topic) DO UPDATE SET through = max(through, excluded.through);
            DELETE FROM topic_log WHERE id IN (SELECT id FROM doomed);
            """;
        command.Parameters.AddWithValue("$keep", _length);
        command.Parameters.AddWithValue("$oldest", (_time.GetUtcNow() - _maxAge).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(5011, LogLevel.Warning, "A logged message of {Topic} has the type {Type}, unknown in this process (another version wrote it?); the replay stops there.", EventName = nameof(UnknownType))]
        public static partial void UnknownType(ILogger logger, string topic, string type);

        [LoggerMessage(5012, LogLevel.Warning, "A logged message of {Topic} could not be read; the replay stops there.", EventName = nameof(UnreadableMessage))]
        public static partial void UnreadableMessage(ILogger logger, Exception exception, string topic);
    }
}
