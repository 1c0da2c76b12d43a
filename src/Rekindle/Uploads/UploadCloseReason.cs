namespace Rekindle.Uploads;

/// <summary>Why an <see cref="IUploadWriter"/> is closed: done, cancelled, or failed with a reason (Phoenix's <c>:done | :cancel | {:error, reason}</c>).</summary>
public sealed class UploadCloseReason
{
    private UploadCloseReason(UploadCloseKind kind, string? error)
    {
        Kind = kind;
        Error = error;
    }

    /// <summary>Every byte arrived.</summary>
    public static UploadCloseReason Done { get; } = new(UploadCloseKind.Done, null);

    /// <summary>The entry ended unfinished.</summary>
    public static UploadCloseReason Cancel { get; } = new(UploadCloseKind.Cancel, null);

    /// <summary>Done, cancelled or failed.</summary>
    public UploadCloseKind Kind { get; }

    /// <summary>The failure reason (<c>"invalid_pdf"</c>, <c>"exception"</c>) when <see cref="Kind"/> is <see cref="UploadCloseKind.Error"/>; else <see langword="null"/>.</summary>
    public string? Error { get; }

    internal static UploadCloseReason Failed(string error) => new(UploadCloseKind.Error, error);

    /// <summary>The reason as Phoenix writes it: <c>done</c>, <c>cancel</c> or <c>error: &lt;reason&gt;</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        UploadCloseKind.Done => "done",
        UploadCloseKind.Cancel => "cancel",
        _ => "error: " + Error,
    };
}
