using System.Text.Json.Nodes;

namespace Rekindle.Uploads;

/// <summary>
/// What an external upload's presign callback (the <c>external</c> argument of <c>AllowUpload</c>)
/// answers for one entry: the client uploader that sends the file and the metadata it needs (a
/// presigned URL, form fields…), or the reason the entry may not be uploaded.
/// </summary>
public sealed class ExternalUpload
{
    private ExternalUpload(JsonObject? meta, string? error)
    {
        Meta = meta;
        Error = error;
    }

    /// <summary>The metadata the preflight reply carries to the client uploader, with its <c>uploader</c> key; <see langword="null"/> when refused.</summary>
    internal JsonObject? Meta { get; }

    /// <summary>The entry's error when refused.</summary>
    internal string? Error { get; }

    /// <summary>
    /// Sends the entry with the client uploader registered as <paramref name="uploader"/> in
    /// <c>window.Rekindle.uploaders</c>; the uploader gets <paramref name="meta"/> (plus
    /// <c>uploader</c>) as <c>entry.meta</c>, and the view gets it back in <c>ConsumeExternalEntries</c>.
    /// The metadata travels to the browser: put nothing secret in it.
    /// </summary>
    /// <param name="uploader">The client uploader's name, e.g. <c>"S3"</c>.</param>
    /// <param name="meta">What the uploader needs, e.g. <c>new JsonObject { ["url"] = presignedUrl }</c>.</param>
    /// <returns>The answer for the entry.</returns>
    /// <example><code>external: entry =&gt; ExternalUpload.To("S3", new JsonObject { ["url"] = store.PresignPut(entry.Uuid) })</code></example>
    public static ExternalUpload To(string uploader, JsonObject meta)
    {
        ArgumentException.ThrowIfNullOrEmpty(uploader);
        ArgumentNullException.ThrowIfNull(meta);
        if (meta.ContainsKey("uploader"))
        {
            throw new ArgumentException($"ExternalUpload.To sets the metadata's 'uploader' key itself. Expected metadata without it; got uploader '{meta["uploader"]}'.", nameof(meta));
        }
        var copy = (JsonObject)meta.DeepClone();
        copy["uploader"] = uploader;
        return new ExternalUpload(copy, null);
    }

    /// <summary>
    /// Refuses the entry: it is not uploaded and shows <paramref name="reason"/> in
    /// <c>UploadErrors(upload, entry)</c>; the view keeps running.
    /// </summary>
    /// <param name="reason">The entry's error, e.g. <c>"quota_exceeded"</c>.</param>
    /// <returns>The answer for the entry.</returns>
    /// <example><code>external: entry =&gt; quota.IsFull ? ExternalUpload.Refuse("quota_exceeded") : ExternalUpload.To("S3", meta)</code></example>
    public static ExternalUpload Refuse(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new ExternalUpload(null, reason);
    }
}
