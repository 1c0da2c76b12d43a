namespace Rekindle.Uploads;

/// <summary>Why an <see cref="IUploadWriter"/> is closed (<see cref="UploadCloseReason.Kind"/>).</summary>
public enum UploadCloseKind
{
    /// <summary>Every byte the client declared arrived; the entry waits for the view to consume it.</summary>
    Done,

    /// <summary>The entry ended unfinished: cancelled by the view or the client, its socket dropped, its chunks stopped, or its view ended.</summary>
    Cancel,

    /// <summary>A call of the writer failed or threw; <see cref="UploadCloseReason.Error"/> says why.</summary>
    Error,
}
