namespace Rekindle.Views;

/// <summary>What a connected view can ask of the process that runs it.</summary>
internal interface IViewRuntime
{
    /// <summary>Cancelled when the view ends or a handler runs past its timeout; what <see cref="LiveTemplate.CancellationToken"/> returns.</summary>
    CancellationToken Cancellation { get; }

    void Subscribe(string topic);

    void SendAfter(object message, TimeSpan delay);

    /// <summary>Queues the outcome of async work for <paramref name="owner"/> (the view or one of its components); waits while the mailbox is full, drops it once the view has ended. Never throws.</summary>
    ValueTask PostOutcomeAsync(LiveTemplate owner, AsyncOutcome outcome);

    /// <summary>A run of async work started; its outcome (with <see cref="AsyncOutcome.WorkEnded"/>) ends it.</summary>
    void AsyncWorkStarted();

    /// <summary>Tracks a presence until the view ends (or the tracking is disposed).</summary>
    PubSub.IPresenceTracking TrackPresence(string topic, string key, IReadOnlyDictionary<string, string> meta);

    /// <summary>Delivers the topic's presence diffs to the view's info handler until the view ends.</summary>
    void SubscribePresence(string topic);

    /// <summary>Everyone present on a topic now.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<PubSub.PresenceMeta>> ListPresence(string topic);

    /// <summary>The temp files of the view's uploads.</summary>
    Uploads.UploadTransfers Transfers { get; }
}
