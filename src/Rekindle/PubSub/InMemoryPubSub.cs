using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Rekindle.PubSub;

/// <summary>The default <see cref="IPubSub"/>: subscribers of this process only.</summary>
internal sealed partial class InMemoryPubSub(ILogger<InMemoryPubSub> logger) : IPubSub
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Subscription>> _topics = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string topic, Action<object> deliver)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(deliver);
        var subscription = new Subscription(this, topic, deliver);
        _topics.AddOrUpdate(topic, _ => [subscription], (_, existing) => existing.Add(subscription));
        return subscription;
    }

    public ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                try
                {
                    subscriber.Deliver(message);
                }
                catch (Exception exception)
                {
                    Log.DeliveryFailed(logger, exception, topic);
                }
            }
        }
        return ValueTask.CompletedTask;
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

    private sealed class Subscription(InMemoryPubSub owner, string topic, Action<object> deliver) : IDisposable
    {
        private int _disposed;

        public string Topic { get; } = topic;

        public Action<object> Deliver { get; } = deliver;

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
    }
}
