namespace Rekindle.PubSub;

/// <summary>
/// Topic-based messaging between views (and anything else in the app): a broadcast reaches every
/// subscriber of the topic, in this process or on every node (Redis). Each topic keeps a bounded log,
/// so a view restored after downtime can be given the messages it missed.
/// </summary>
/// <remarks>Thread-safe. Delivery never blocks the broadcaster: each subscriber queues the message itself.</remarks>
public interface IPubSub
{
    /// <summary>Delivers every later message of <paramref name="topic"/> to <paramref name="deliver"/> until disposed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="deliver">Called on the broadcaster's thread; must return quickly and not throw.</param>
    IDisposable Subscribe(string topic, Action<PubSubMessage> deliver);

    /// <summary>Logs <paramref name="message"/> in the topic's log and sends it to every subscriber of <paramref name="topic"/>.</summary>
    ValueTask BroadcastAsync(string topic, object message, CancellationToken cancellationToken = default);

    /// <summary>The position of the topic's latest logged message (<see cref="TopicPosition.Start"/> for none).</summary>
    ValueTask<TopicPosition> HeadAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> logged messages after <paramref name="after"/>, oldest first.</summary>
    ValueTask<TopicHistory> ReadAfterAsync(string topic, TopicPosition after, int limit, CancellationToken cancellationToken = default);
}
