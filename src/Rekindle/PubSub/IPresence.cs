namespace Rekindle.PubSub;

/// <summary>
/// Who is on a topic: each tracked presence is a key (a user, say) with metadata, and one key may be
/// tracked many times (one per open tab), each with its own <see cref="PresenceMeta.Ref"/>, as in
/// Phoenix.Presence. Subscribers receive every join and leave as a <see cref="PresenceDiff"/>.
/// </summary>
/// <remarks>
/// Thread-safe. A view uses it through <c>LiveView.TrackPresence</c>, <c>SubscribePresence</c> and
/// <c>ListPresence</c>, which tie the tracking to the view's life; register another implementation
/// before <c>AddRekindle()</c> to share presences between nodes.
/// </remarks>
public interface IPresence
{
    /// <summary>Tracks <paramref name="key"/> on <paramref name="topic"/> until the returned tracking is disposed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="key">Who is present (at most 200 characters).</param>
    /// <param name="meta">What to show about this presence, copied.</param>
    /// <exception cref="ArgumentException">The topic or the key is empty, or the key is too long.</exception>
    IPresenceTracking Track(string topic, string key, IReadOnlyDictionary<string, string> meta);

    /// <summary>Everyone present on <paramref name="topic"/> now: key → its metas, oldest first.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> List(string topic);

    /// <summary>Delivers every later join and leave of <paramref name="topic"/> to <paramref name="deliver"/> until disposed.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="deliver">Called on the tracker's thread, in order; must return quickly and not throw.</param>
    IDisposable Subscribe(string topic, Action<PresenceDiff> deliver);
}
