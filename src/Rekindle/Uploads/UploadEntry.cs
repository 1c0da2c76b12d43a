using System.Text.Json.Nodes;

namespace Rekindle.Uploads;

/// <summary>
/// One file the client selected for an upload (<see cref="UploadConfig.Entries"/>): what the
/// browser said about it, and how far its upload got.
/// </summary>
public sealed class UploadEntry
{
    internal UploadEntry(string uploadName, string reference, string clientName, long clientSize, string clientType, long? clientLastModified, bool isRestarted)
    {
        IsRestarted = isRestarted;
        UploadName = uploadName;
        Ref = reference;
        ClientName = clientName;
        ClientSize = clientSize;
        ClientType = clientType;
        ClientLastModified = clientLastModified;
        Uuid = Guid.NewGuid().ToString();
    }

    /// <summary>The name of the upload the entry belongs to.</summary>
    public string UploadName { get; }

    /// <summary>The client's reference for the file (<c>"0"</c>, <c>"1"</c>…); <c>CancelUpload</c> takes it.</summary>
    public string Ref { get; }

    /// <summary>A random id, unique to this entry, e.g. for a stored file name.</summary>
    public string Uuid { get; }

    /// <summary>The file name the browser reported. Untrusted: never use it as a path.</summary>
    public string ClientName { get; }

    /// <summary>The size the browser declared, in bytes; the upload is cut off past it.</summary>
    public long ClientSize { get; }

    /// <summary>The MIME type the browser reported (may be empty). Untrusted.</summary>
    public string ClientType { get; }

    /// <summary>The file's last-modified time as the browser reported it, in Unix milliseconds.</summary>
    public long? ClientLastModified { get; }

    /// <summary>
    /// Whether the browser selected this file again by itself because its earlier upload was cut
    /// off by a dropped connection or a server restart; the upload starts over from byte 0. A view
    /// may say so, e.g. "restarted after the connection dropped". Reported by the client: for
    /// display only.
    /// </summary>
    public bool IsRestarted { get; }

    /// <summary>Percent uploaded, 0 to 100.</summary>
    public int Progress { get; internal set; }

    /// <summary>Whether every byte arrived; only done entries are consumed.</summary>
    public bool IsDone { get; internal set; }

    /// <summary>Whether the entry passed the upload's limits; an invalid entry has errors and is never uploaded.</summary>
    public bool IsValid { get; internal set; }

    /// <summary>
    /// Whether the server allowed the upload to start (Phoenix's <c>preflighted?</c>): set when the
    /// client asked to upload the entry and it was valid, before the first byte arrives.
    /// </summary>
    public bool IsPreflighted { get; internal set; }

    /// <summary>
    /// The metadata the presign callback of an external upload gave this entry (with its
    /// <c>uploader</c> key), once preflighted; <see langword="null"/> for channel uploads.
    /// </summary>
    public JsonObject? ExternalMeta { get; internal set; }
}
