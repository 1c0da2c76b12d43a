namespace Rekindle.Telemetry;

/// <summary>
/// Tag names of Rekindle's spans and measurements. OpenTelemetry's semantic conventions where one
/// fits (<c>error.type</c>, <c>messaging.*</c>), <c>rekindle.*</c> otherwise. Tags name code and
/// outcomes only: never payloads, form values, tokens or snapshots.
/// </summary>
internal static class TelemetryTags
{
    /// <summary>The view's type (full name).</summary>
    public const string View = "rekindle.view";

    /// <summary>The view's channel topic (<c>lv:phx-…</c>), the same value the logs carry as Topic.</summary>
    public const string Channel = "rekindle.channel";

    /// <summary>The client event's name, as the client sent it (capped at <see cref="MaxEventNameLength"/>).</summary>
    public const string Event = "rekindle.event";

    /// <summary>The type of the component an event went to.</summary>
    public const string Component = "rekindle.component";

    /// <summary>How a join ended: mounted, restored, refused, redirected, deferred or crashed.</summary>
    public const string JoinResult = "rekindle.join.result";

    /// <summary>The type of a server-side message (HandleInfoAsync), never its content.</summary>
    public const string MessageType = "rekindle.message.type";

    /// <summary>Bytes of the frame a render produced.</summary>
    public const string RenderBytes = "rekindle.render.bytes";

    /// <summary>Bytes of a saved snapshot.</summary>
    public const string SnapshotBytes = "rekindle.snapshot.bytes";

    /// <summary>Where snapshots live: server or browser.</summary>
    public const string SnapshotStore = "rekindle.snapshot.store";

    /// <summary>What a snapshot lookup found: hit, miss, refused or unavailable.</summary>
    public const string SnapshotResult = "rekindle.snapshot.result";

    /// <summary>Broadcasts a restored view caught up on.</summary>
    public const string Replayed = "rekindle.replayed";

    /// <summary>OpenTelemetry's messaging conventions for a broadcast a view handles.</summary>
    public const string MessagingSystem = "messaging.system";

    /// <inheritdoc cref="MessagingSystem"/>
    public const string MessagingDestination = "messaging.destination.name";

    /// <inheritdoc cref="MessagingSystem"/>
    public const string MessagingOperation = "messaging.operation.type";

    /// <summary>OpenTelemetry's convention for a failed operation: the exception's type.</summary>
    public const string ErrorType = "error.type";

    /// <summary>Event names come from the network; a longer one is cut so a hostile client cannot bloat traces.</summary>
    public const int MaxEventNameLength = 100;
}
