namespace Rekindle.Views;

/// <summary>What a connected view can ask of the process that runs it.</summary>
internal interface IViewRuntime
{
    /// <summary>Cancelled when the view ends or a handler runs past its timeout; what <see cref="LiveTemplate.CancellationToken"/> returns.</summary>
    CancellationToken Cancellation { get; }

    void Subscribe(string topic);

    void SendAfter(object message, TimeSpan delay);

    /// <summary>Tracks a presence until the view ends (or the tracking is disposed).</summary>
    PubSub.IPresenceTracking TrackPresence(string topic, string key, IReadOnlyDictionary<string, string> meta);

    /// <summary>Delivers the topic's presence diffs to the view's info handler until the view ends.</summary>
    void SubscribePresence(string topic);

    /// <summary>Everyone present on a topic now.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<PubSub.PresenceMeta>> ListPresence(string topic);

    /// <summary>The temp files of the view's uploads.</summary>
    Uploads.UploadTransfers Transfers { get; }
}
