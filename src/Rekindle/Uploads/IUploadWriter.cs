namespace Rekindle.Uploads;

/// <summary>
/// Where the bytes of one upload entry go, instead of a temp file (Phoenix's <c>UploadWriter</c>):
/// stream them to another service, hash them, parse them as they come. Given per entry by the
/// <c>writer</c> argument of <c>AllowUpload</c>; the view gets the writer back in
/// <c>ConsumeUploadedEntry</c>/<c>ConsumeUploadedEntries</c> with its type, and reads what it kept.
/// </summary>
/// <remarks>
/// The calls come one at a time, off the view's loop: <see cref="OpenAsync"/> when the client joins the
/// entry's upload channel, <see cref="WriteChunkAsync"/> per chunk (the client waits for each one's
/// acknowledgement, so a slow writer slows only its own entry), then <see cref="CloseAsync"/> exactly
/// once: <see cref="UploadCloseKind.Done"/> after the last byte, <see cref="UploadCloseKind.Error"/>
/// after a failed call, <see cref="UploadCloseKind.Cancel"/> when the entry is cancelled, its socket
/// drops or its view ends first. A failure (<see cref="UploadWriteResult.Fail"/>) or an exception shows
/// on the entry as <c>writer_failure: &lt;reason&gt;</c> (an exception as <c>writer_failure: exception</c>,
/// logged) until the user cancels it; the view and the other entries go on.
/// </remarks>
/// <example><code>
/// sealed class Sha256Writer : IUploadWriter
/// {
///     private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
///     public string? Hex { get; private set; }
///     public ValueTask&lt;UploadWriteResult&gt; WriteChunkAsync(ReadOnlyMemory&lt;byte&gt; chunk, CancellationToken cancellationToken)
///     {
///         _hash.AppendData(chunk.Span);
///         return ValueTask.FromResult(UploadWriteResult.Ok);
///     }
///     public ValueTask&lt;UploadWriteResult&gt; CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken)
///     {
///         if (reason.Kind == UploadCloseKind.Done) { Hex = Convert.ToHexStringLower(_hash.GetHashAndReset()); }
///         _hash.Dispose();
///         return ValueTask.FromResult(UploadWriteResult.Ok);
///     }
/// }
/// </code></example>
public interface IUploadWriter
{
    /// <summary>Prepares for the entry's bytes when the client starts sending them; a failure refuses the upload.</summary>
    /// <param name="cancellationToken">Cancelled when the entry is cancelled, its socket drops or its view ends.</param>
    /// <returns><see cref="UploadWriteResult.Ok"/>, or the entry's failure.</returns>
    ValueTask<UploadWriteResult> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(UploadWriteResult.Ok);

    /// <summary>Takes the next chunk of the entry, at most the upload's <c>chunkSize</c> bytes.</summary>
    /// <param name="chunk">The bytes; valid after the call returns (a copy of the frame).</param>
    /// <param name="cancellationToken">Cancelled when the entry is cancelled, its socket drops or its view ends.</param>
    /// <returns><see cref="UploadWriteResult.Ok"/>, or the entry's failure (no more chunks come).</returns>
    ValueTask<UploadWriteResult> WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken);

    /// <summary>Ends the writer, exactly once per writer that was opened.</summary>
    /// <param name="reason">Why: every byte arrived, the entry was cancelled, or a call failed.</param>
    /// <param name="cancellationToken">Cancelled when the view ends; a close for a cancel gets an already cancelled token.</param>
    /// <returns>
    /// <see cref="UploadWriteResult.Ok"/> once the writer released what it held; a failure closing as
    /// <see cref="UploadCloseKind.Done"/> fails the entry (the last check of a file, as Phoenix's
    /// <c>close</c> returning an error), otherwise it is ignored.
    /// </returns>
    ValueTask<UploadWriteResult> CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken);
}
