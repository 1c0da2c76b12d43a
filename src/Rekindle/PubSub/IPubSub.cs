namespace Rekindle.PubSub;

/// <summary>
/// Topic-based messaging between views (and anything else in the app): a broadcast reaches every
/// subscriber of the topic, in this process (the in-memory default) or on every node (Redis).
/// </summary>
/// <remarks>Thread-safe. Delivery never blocks the broadcaster: each subscriber queues the message itself.</remarks>
public interface IPubSub
{
    /// <summary>Delivers every later message of <paramref name="topic"/> to <paramref name="deliver"/> until disposed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="deliver">Called on the broadcaster's thread; must return quickly and not throw.</param>
    IDisposable Subscribe(string topic, Action<object> deliver);

    /// <summary>Sends <paramref name="message"/> to every subscriber of <paramref name="topic"/>.</summary>
    ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default);
}
