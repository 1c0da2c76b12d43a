namespace Rekindle.Uploads;

/// <summary>What an <see cref="IUploadWriter"/> answers for a chunk (or its opening): go on, or fail the entry.</summary>
public readonly struct UploadWriteResult
{
    private UploadWriteResult(string? error) => Error = error;

    /// <summary>The chunk was taken; the client sends the next one.</summary>
    public static UploadWriteResult Ok => default;

    /// <summary>The entry's failure reason, shown as <c>writer_failure: &lt;reason&gt;</c>; <see langword="null"/> when ok.</summary>
    public string? Error { get; }

    /// <summary>Fails the entry: no more chunks come, the writer is closed with <see cref="UploadCloseKind.Error"/>, and the entry shows <c>writer_failure: <paramref name="reason"/></c> until cancelled.</summary>
    /// <param name="reason">A short reason for the view and the log, e.g. <c>"invalid_pdf"</c>.</param>
    /// <returns>The failed result.</returns>
    /// <example><code>return ValueTask.FromResult(looksLikePdf ? UploadWriteResult.Ok : UploadWriteResult.Fail("invalid_pdf"));</code></example>
    public static UploadWriteResult Fail(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new UploadWriteResult(reason);
    }
}
