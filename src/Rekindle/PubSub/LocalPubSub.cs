using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Rekindle.PubSub;

/// <summary>
/// The default <see cref="IPubSub"/>: subscribers of this process only, topic logs in SQLite. A
/// message that cannot be logged (not JSON-serializable, or the file failed) is still delivered,
/// without a position, with a logged warning: it cannot be replayed.
/// </summary>
internal sealed partial class LocalPubSub(SqliteTopicLog log, ILogger<LocalPubSub> logger) : IPubSub
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _topics = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Action<PubSubMessage> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(deliver);
        var subscription = new Subscription(this, topic, deliver);
        _topics.AddOrUpdate(topic, _ => [subscription], (_, existing) => existing.Add(subscription));
        return subscription;
    }

    public async ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        var position = await AppendAsync(topic, message, cancellationToken);
        if (!_topics.TryGetValue(topic, out var subscribers))
        {
            return;
        }
        var delivered = new PubSubMessage(topic, message, position);
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber.Deliver(delivered);
            }
            catch (Exception exception)
            {
                Log.DeliveryFailed(logger, exception, topic);
            }
        }
    }

    public ValueTask<TopicPosition> HeadAsync(string topic, CancellationToken cancellationToken = default) =>
        log.HeadAsync(topic, cancellationToken);

    public ValueTask<TopicHistory> ReadAfterAsync(string topic, TopicPosition after, int limit, CancellationToken cancellationToken = default) =>
        log.ReadAfterAsync(topic, after, limit, cancellationToken);

    private async ValueTask<TopicPosition?> AppendAsync(string topic, object message, CancellationToken cancellationToken)
    {
        try
        {
            var (type, json) = MessageJson.Write(message);
            return await log.AppendAsync(topic, type, json, cancellationToken);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            Log.NotLogged(logger, exception, topic, message.GetType().Name);
            return null;
        }
    }

    private void Remove(Subscription subscription)
    {
        while (_topics.TryGetValue(subscription.Topic, out var existing))
        {
            var updated = existing.Remove(subscription);
            if (updated.IsEmpty ? _topics.TryRemove(new(subscription.Topic, existing)) : _topics.TryUpdate(subscription.Topic, updated, existing))
            {
                return;
            }
        }
    }

    private sealed class Subscription(LocalPubSub owner, string topic, Action<PubSubMessage> deliver) : IDisposable
    {
        private int _disposed;

        public string Topic { get; } = topic;

        public Action<PubSubMessage> Deliver { get; } = deliver;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5001, LogLevel.Error, "A subscriber of {Topic} threw while a message was delivered; other subscribers still got it.", EventName = nameof(DeliveryFailed))]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string topic);

        [LoggerMessage(5002, LogLevel.Warning, "A {Type} broadcast on {Topic} was delivered but not logged, so a view restored later cannot replay it.", EventName = nameof(NotLogged))]
        public static partial void NotLogged(ILogger logger, Exception exception, string topic, string type);
    }
}
