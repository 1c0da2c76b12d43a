using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// <see cref="IPubSub"/> over Redis channels: a broadcast on any node reaches the subscribers of
/// every node. Messages travel as JSON with their type name, so message types must be
/// System.Text.Json-serializable and present on every node; local subscribers get the original object
/// without a round trip. Redis is trusted infrastructure: whoever can publish to it can make nodes
/// deserialize any such type.
/// </summary>
public sealed partial class RedisPubSub : IPubSub, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisPubSub> _logger;
    private readonly string _prefix;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, ImmutableArray<Action<object>>> _local = new(StringComparer.Ordinal);

    public RedisPubSub(IConnectionMultiplexer redis, ILogger<RedisPubSub> logger, string channelPrefix = "rekindle:pubsub:")
    {
        _redis = redis;
        _logger = logger;
        _prefix = channelPrefix;
        _redis.GetSubscriber().Subscribe(RedisChannel.Pattern(_prefix + "*"), OnRedisMessage);
    }

    public IDisposable Subscribe(string topic, Action<object> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        _local.AddOrUpdate(topic, _ => [deliver], (_, existing) => existing.Add(deliver));
        return new Subscription(() => _local.AddOrUpdate(topic, _ => [], (_, existing) => existing.Remove(deliver)));
    }

    public async ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        DeliverLocally(topic, message);
        var envelope = JsonSerializer.Serialize(new Envelope(_node, message.GetType().AssemblyQualifiedName ?? "", JsonSerializer.SerializeToElement(message, message.GetType())));
        try
        {
            await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(_prefix + topic), envelope).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Redis is away: this node's subscribers have the message; the broadcaster (often a view
            // handling an event) keeps working, and the loss for other nodes is logged.
            Log.PublishFailed(_logger, exception, topic);
        }
    }

    public void Dispose() => _redis.GetSubscriber().Unsubscribe(RedisChannel.Pattern(_prefix + "*"));

    private void OnRedisMessage(RedisChannel channel, RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)value!);
            if (envelope is null || envelope.Node == _node)
            {
                return;
            }
            var type = Type.GetType(envelope.Type, throwOnError: false);
            if (type is null || envelope.Message.Deserialize(type) is not { } message)
            {
                Log.UnknownMessage(_logger, envelope.Type);
                return;
            }
            DeliverLocally(channel.ToString()[_prefix.Length..], message);
        }
        catch (JsonException exception)
        {
            Log.UnreadableMessage(_logger, exception, channel.ToString());
        }
    }

    private void DeliverLocally(string topic, object message)
    {
        if (!_local.TryGetValue(topic, out var subscribers))
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
                Log.DeliveryFailed(_logger, exception, topic);
            }
        }
    }

    private sealed record Envelope(string Node, string Type, JsonElement Message);

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
        [LoggerMessage(5101, LogLevel.Error, "Publishing to {Topic} through Redis failed; subscribers on this node got the message, other nodes did not.", EventName = nameof(PublishFailed))]
        public static partial void PublishFailed(ILogger logger, Exception exception, string topic);

        [LoggerMessage(5102, LogLevel.Warning, "A Redis message of type {Type} is unknown on this node (a node running another version?); dropped.", EventName = nameof(UnknownMessage))]
        public static partial void UnknownMessage(ILogger logger, string type);

        [LoggerMessage(5103, LogLevel.Warning, "An unreadable Redis message on {Channel} was dropped.", EventName = nameof(UnreadableMessage))]
        public static partial void UnreadableMessage(ILogger logger, Exception exception, string channel);

        [LoggerMessage(5104, LogLevel.Error, "A subscriber of {Topic} threw while a message was delivered; other subscribers still got it.", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string topic);
    }
}
