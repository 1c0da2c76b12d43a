using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.PubSub;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// <see cref="IPubSub"/> over Redis: a broadcast on any node reaches the subscribers of every node,
/// and each topic's log is a Redis stream (trimmed to about <see cref="PubSubOptions.LogLength"/>
/// entries, expiring when idle as long as a snapshot lives). One script appends to the stream and
/// publishes, so every node sees a topic's messages in log order. Messages travel as
/// <see cref="MessageJson"/>; Redis is trusted infrastructure. While Redis is away, a broadcast still
/// reaches this node's subscribers (without a log position) and the loss for other nodes is logged.
/// </summary>
internal sealed partial class RedisPubSub : IPubSub, IDisposable
{
    private const string ChannelPrefix = "rekindle:pubsub:";
    private const string StreamPrefix = "rekindle:topic-log:";

    private static readonly LuaScript AppendAndPublish = LuaScript.Prepare("""
        local id = redis.call('XADD', @stream, 'MAXLEN', '~', @length, '*', 't', @type, 'm', @json)
        redis.call('PEXPIRE', @stream, @ttl)
        redis.call('PUBLISH', @channel, cjson.encode({n = @node, p = id, t = @type, m = @json}))
        return id
        """);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisPubSub> _logger;
    private readonly int _logLength;
    private readonly long _logTimeToLiveMs;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, ImmutableArray<Action<PubSubMessage>>> _local = new(StringComparer.Ordinal);

    public RedisPubSub(IConnectionMultiplexer redis, IOptions<PubSubOptions> options, IOptions<RecoveryOptions> recovery, ILogger<RedisPubSub> logger)
    {
        _redis = redis;
        _logger = logger;
        _logLength = options.Value.LogLength;
        _logTimeToLiveMs = (long)recovery.Value.MaxAge.TotalMilliseconds;
        try
        {
            _redis.GetSubscriber().Subscribe(RedisChannel.Pattern(ChannelPrefix + "*"), OnRedisMessage);
        }
        catch (RedisConnectionException exception)
        {
            // The multiplexer keeps the subscription and makes it on the server when it connects
            // (a node started while Redis was down); only this first attempt failed.
            Log.SubscribeDeferred(logger, exception.Message);
        }
    }

    public IDisposable Subscribe(string topic, Action<PubSubMessage> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(deliver);
        _local.AddOrUpdate(topic, _ => [deliver], (_, existing) => existing.Add(deliver));
        return new Subscription(() => _local.AddOrUpdate(topic, _ => [], (_, existing) => existing.Remove(deliver)));
    }

    public async ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        TopicPosition? position = null;
        try
        {
            var (type, json) = MessageJson.Write(message);
            var id = await _redis.GetDatabase().ScriptEvaluateAsync(AppendAndPublish, new
            {
                stream = (RedisKey)(StreamPrefix + topic),
                // A channel, not a key: only the stream is declared, so the script runs on the
                // primary that owns the stream's slot on a Redis Cluster, whose PUBLISH reaches every node.
                channel = (RedisValue)(ChannelPrefix + topic),
                length = _logLength,
                ttl = _logTimeToLiveMs,
                node = _node,
                type,
                json,
            }).WaitAsync(cancellationToken);
            position = TopicPosition.TryParse((string?)id, out var logged) ? logged : null;
        }
        catch (NotSupportedException exception)
        {
            Log.NotSerializable(_logger, exception, topic, message.GetType().Name);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away: this node's subscribers still get the message; the broadcaster (often a
            // view handling an event) keeps working, and the loss for other nodes is logged.
            Log.PublishFailed(_logger, exception, topic);
        }
        DeliverLocally(new PubSubMessage(topic, message, position));
    }

    public async ValueTask<TopicPosition> HeadAsync(string topic, CancellationToken cancellationToken = default)
    {
        var last = await _redis.GetDatabase().StreamRangeAsync(StreamPrefix + topic, "-", "+", count: 1, messageOrder: Order.Descending).WaitAsync(cancellationToken);
        return last.Length > 0 && TopicPosition.TryParse(last[0].Id, out var head) ? head : TopicPosition.Start;
    }

    public async ValueTask<TopicHistory> ReadAfterAsync(string topic, TopicPosition after, int limit, CancellationToken cancellationToken = default)
    {
        var database = _redis.GetDatabase();
        var key = StreamPrefix + topic;
        // The range first, then what was trimmed: a trim in between can only make the answer incomplete, never wrongly complete.
        var entries = await database.StreamRangeAsync(key, "(" + after, "+", count: limit + 1).WaitAsync(cancellationToken);
        if (!await database.KeyExistsAsync(key).WaitAsync(cancellationToken))
        {
            // Never written, or idle longer than any snapshot lives: nothing after the position.
            return new TopicHistory([], after == TopicPosition.Start, after);
        }
        var info = (await database.ExecuteAsync("XINFO", "STREAM", (RedisKey)key).WaitAsync(cancellationToken)).ToDictionary();
        TopicPosition.TryParse((string?)info["last-generated-id"], out var head);
        var complete = after <= head && entries.Length <= limit && NothingTrimmedAfter(after, info);
        var messages = new List<PubSubMessage>(complete ? entries.Length : 0);
        foreach (var entry in complete ? entries : [])
        {
            if (Read(topic, entry) is not { } message)
            {
                complete = false;
                messages.Clear();
                break;
            }
            messages.Add(message);
        }
        return new TopicHistory(messages, complete, TopicPosition.Max(head, after));
    }

    /// <summary>
    /// Trimming removes the oldest entries, so nothing after <paramref name="after"/> is gone while the
    /// first entry is not past it, or when nothing was ever trimmed (entries-added, Redis 7+).
    /// </summary>
    private static bool NothingTrimmedAfter(TopicPosition after, Dictionary<string, RedisResult> info)
    {
        var first = info["first-entry"];
        if (first.IsNull || first.Length == 0)
        {
            return true;
        }
        var untrimmed = info.TryGetValue("entries-added", out var added) && (long)added == (long)info["length"];
        return untrimmed || (TopicPosition.TryParse((string?)first[0], out var firstId) && firstId <= after);
    }

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(RedisChannel.Pattern(ChannelPrefix + "*"));

    private PubSubMessage? Read(string topic, StreamEntry entry)
    {
        try
        {
            if (TopicPosition.TryParse(entry.Id, out var position) && MessageJson.Read(entry["t"]!, entry["m"]!) is { } message)
            {
                return new PubSubMessage(topic, message, position);
            }
            Log.UnknownMessage(_logger, (string?)entry["t"] ?? "(none)");
        }
        catch (JsonException exception)
        {
            Log.UnreadableMessage(_logger, exception, topic);
        }
        return null;
    }

    private void OnRedisMessage(RedisChannel channel, RedisValue value)
    {
        var topic = channel.ToString()[ChannelPrefix.Length..];
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)value!);
            if (envelope is null || envelope.Node == _node)
            {
                return;
            }
            if (MessageJson.Read(envelope.Type, envelope.Json) is not { } message)
            {
                Log.UnknownMessage(_logger, envelope.Type);
                return;
            }
            DeliverLocally(new PubSubMessage(topic, message, TopicPosition.TryParse(envelope.Position, out var position) ? position : null));
        }
        catch (JsonException exception)
        {
            Log.UnreadableMessage(_logger, exception, topic);
        }
    }

    private void DeliverLocally(PubSubMessage message)
    {
        if (!_local.TryGetValue(message.Topic, out var subscribers))
        {
            return;
        }
        foreach (var deliver in subscribers)
        {
            try
            {
                deliver(message);
            }
            catch (Exception exception)
            {
                Log.DeliveryFailed(_logger, exception, message.Topic);
            }
        }
    }

    private sealed record Envelope(
        [property: JsonPropertyName("n")] string Node,
        [property: JsonPropertyName("p")] string? Position,
        [property: JsonPropertyName("t")] string Type,
        [property: JsonPropertyName("m")] string Json);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5122, LogLevel.Warning, "Redis is unreachable ({Reason}): broadcasts from other nodes arrive once it answers.", EventName = nameof(SubscribeDeferred))]
        public static partial void SubscribeDeferred(ILogger logger, string reason);

        [LoggerMessage(5101, LogLevel.Error, "Publishing to {Topic} through Redis failed; subscribers on this node got the message (without a log position), other nodes did not.", EventName = nameof(PublishFailed))]
        public static partial void PublishFailed(ILogger logger, Exception exception, string topic);

        [LoggerMessage(5102, LogLevel.Warning, "A Redis message of type {Type} is unknown on this node (a node running another version?); dropped.", EventName = nameof(UnknownMessage))]
        public static partial void UnknownMessage(ILogger logger, string type);

        [LoggerMessage(5103, LogLevel.Warning, "An unreadable Redis message on {Topic} was dropped.", EventName = nameof(UnreadableMessage))]
        public static partial void UnreadableMessage(ILogger logger, Exception exception, string topic);

        [LoggerMessage(5104, LogLevel.Error, "A subscriber of {Topic} threw while a message was delivered; other subscribers still got it.", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string topic);

        [LoggerMessage(5105, LogLevel.Warning, "A {Type} broadcast on {Topic} is not JSON-serializable: delivered on this node only and not logged.", EventName = nameof(NotSerializable))]
        public static partial void NotSerializable(ILogger logger, Exception exception, string topic, string type);
    }
}
