using Microsoft.AspNetCore.StaticFiles;

namespace Rekindle.Uploads;

/// <summary>
/// An upload a live view allowed with <c>AllowUpload</c>: its limits, the files the client selected
/// and the errors they raised. Rendered with <c>LiveFileInput</c>; read in templates for progress
/// and errors.
/// </summary>
public sealed class UploadConfig
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string[] Wildcards = ["image/*", "audio/*", "video/*"];

    /// <summary>Entries kept past <see cref="MaxEntries"/> (to show <c>too_many_files</c>); more are not recorded, so a client cannot grow the list without bound.</summary>
    private const int SurplusEntries = 16;
    private readonly HashSet<string> _acceptedTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _acceptedExtensions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<UploadEntry> _entries = [];
    private readonly List<(string Ref, string Error)> _errors = [];

    /// <summary>The default <see cref="ChunkSize"/>, as Phoenix's <c>chunk_size</c>; also the largest, as a chunk travels in one WebSocket frame (<c>Rekindle:Transport:MaxFrameBytes</c>, 64 KiB).</summary>
    internal const int DefaultChunkSize = 64_000;

    internal UploadConfig(string name, string reference, string? accept, int maxEntries, long maxFileSize, bool autoUpload = false, Func<UploadEntry, ExternalUpload>? external = null, Func<UploadEntry, ValueTask>? progress = null, MaxEntriesMode maxEntriesMode = MaxEntriesMode.Selected, Func<UploadEntry, IUploadWriter>? writer = null, int chunkSize = DefaultChunkSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFileSize, 1);
        if (chunkSize is < 1 or > DefaultChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, $"AllowUpload(\"{name}\") chunkSize. Expected 1 to {DefaultChunkSize} bytes (a chunk travels in one WebSocket frame); got {chunkSize}.");
        }
        if (writer is not null && external is not null)
        {
            throw new ArgumentException($"AllowUpload(\"{name}\") with both writer and external. Expected one: an external upload's bytes never reach this server.", nameof(writer));
        }
        Writer = writer;
        ChunkSize = chunkSize;
        Name = name;
        Ref = reference;
        MaxEntries = maxEntries;
        MaxFileSize = maxFileSize;
        AutoUpload = autoUpload;
        External = external;
        ProgressCallback = progress;
        MaxEntriesMode = maxEntriesMode;
        if (accept is not null)
        {
            foreach (var item in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddAccepted(item);
            }
            Accept = string.Join(",", accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    /// <summary>The upload's name: the file input's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>The upload's reference: the file input's <c>id</c> (use it in <c>&lt;label for&gt;</c> and <c>phx-drop-target</c>).</summary>
    public string Ref { get; }

    /// <summary>The accepted types and extensions (<c>".png,.jpg,image/*"</c>), or <see langword="null"/> for any file.</summary>
    public string? Accept { get; }

    /// <summary>How many files one selection may hold.</summary>
    public int MaxEntries { get; }

    /// <summary>Whether <see cref="MaxEntries"/> counts the files already consumed too.</summary>
    public MaxEntriesMode MaxEntriesMode { get; }

    /// <summary>Entries consumed so far; they count against <see cref="MaxEntries"/> in <see cref="MaxEntriesMode.Total"/> mode.</summary>
    internal int ConsumedEntries { get; private set; }

    /// <summary>How many more entries may start uploading: <see cref="MaxEntries"/>, less those consumed in <see cref="MaxEntriesMode.Total"/> mode.</summary>
    internal int RemainingEntries => MaxEntriesMode == MaxEntriesMode.Total ? Math.Max(MaxEntries - ConsumedEntries, 0) : MaxEntries;

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxFileSize { get; }

    /// <summary>Whether the client uploads each file as soon as it is chosen, instead of on the form's submit.</summary>
    public bool AutoUpload { get; }

    /// <summary>The presign callback of an external upload (files go to a client uploader, not over the socket); <see langword="null"/> for a channel upload.</summary>
    internal Func<UploadEntry, ExternalUpload>? External { get; }

    /// <summary>Called on the owner's loop each time an entry's progress advances, as Phoenix's <c>progress:</c> option; <see langword="null"/> for none.</summary>
    internal Func<UploadEntry, ValueTask>? ProgressCallback { get; }

    /// <summary>Bytes per chunk the client sends over the upload channel (<c>chunkSize</c> of <c>AllowUpload</c>); a larger chunk fails its entry.</summary>
    public int ChunkSize { get; }

    /// <summary>Makes the writer of an entry's bytes (<c>writer</c> of <c>AllowUpload</c>); <see langword="null"/> for a temp file.</summary>
    internal Func<UploadEntry, IUploadWriter>? Writer { get; }

    /// <summary>
    /// How long the client waits for each chunk's acknowledgement, and the server for the next
    /// chunk before it deletes the unfinished file and closes the entry's channel, in milliseconds.
    /// </summary>
    public int ChunkTimeout => 10_000;

    /// <summary>The selected files, in selection order.</summary>
    public IReadOnlyList<UploadEntry> Entries => _entries;

    /// <summary>
    /// The errors: (entry ref, error) for entries (<c>too_large</c>, <c>not_accepted</c>), and
    /// (<see cref="Ref"/>, <c>too_many_files</c>) for the selection as a whole.
    /// </summary>
    public IReadOnlyList<(string Ref, string Error)> Errors => _errors;

    internal UploadEntry? Find(string entryRef) => _entries.Find(entry => entry.Ref == entryRef);

    /// <summary>
    /// Adds the client's newly selected files (docs/protocol.md §5.7; upstream
    /// <c>UploadConfig.put_entries</c>): entries already known are kept; new ones are checked against
    /// the size and type limits and kept with their error when they fail; a selection past
    /// <see cref="RemainingEntries"/> gets <c>too_many_files</c> (and entries past the surplus are dropped). With one entry allowed, a new single file
    /// replaces the previous one (returned, so its temp file can go).
    /// </summary>
    internal List<UploadEntry> PutEntries(IReadOnlyList<ClientUploadEntry> selected)
    {
        var replaced = new List<UploadEntry>();
        if (MaxEntries == 1 && selected.Count == 1 && Find(selected[0].Ref) is null)
        {
            replaced.AddRange(_entries);
            foreach (var entry in replaced)
            {
                Drop(entry);
            }
        }
        foreach (var client in selected)
        {
            if (Find(client.Ref) is not null || _entries.Count >= MaxEntries + SurplusEntries)
            {
                continue;
            }
            var entry = new UploadEntry(Name, client.Ref, client.Name, client.Size, client.Type, client.LastModified, client.Restarted);
            var error = client.Size > MaxFileSize ? "too_large" : IsAccepted(client) ? null : "not_accepted";
            entry.IsValid = error is null;
            _entries.Add(entry);
            if (error is not null)
            {
                _errors.Add((entry.Ref, error));
            }
        }
        RecheckTooMany();
        return replaced;
    }

    internal bool HasEntryErrors => _errors.Exists(error => error.Ref != Ref);

    internal bool IsTooMany => _entries.Count > RemainingEntries;

    /// <summary>The entry failed (refused by the presign callback, or its client uploader gave up): it keeps its place with <paramref name="error"/> until cancelled.</summary>
    internal void Fail(UploadEntry entry, string error)
    {
        entry.IsValid = false;
        _errors.RemoveAll(existing => existing.Ref == entry.Ref);
        _errors.Add((entry.Ref, error));
    }

    /// <summary>Removes a consumed entry; in <see cref="MaxEntriesMode.Total"/> mode it still counts.</summary>
    internal void Consumed(UploadEntry entry)
    {
        ConsumedEntries++;
        Drop(entry);
    }

    /// <summary>Removes an entry with its errors (cancelled, consumed, or failed).</summary>
    internal void Drop(UploadEntry entry)
    {
        _entries.Remove(entry);
        _errors.RemoveAll(error => error.Ref == entry.Ref);
        RecheckTooMany();
    }

    private void RecheckTooMany()
    {
        _errors.RemoveAll(error => error.Ref == Ref);
        if (IsTooMany)
        {
            _errors.Add((Ref, "too_many_files"));
        }
    }

    private bool IsAccepted(ClientUploadEntry client)
    {
        if (Accept is null)
        {
            return true;
        }
        var type = client.Type;
        foreach (var wildcard in Wildcards)
        {
            if (_acceptedTypes.Contains(wildcard) && type.StartsWith(wildcard[..^1], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return (type.Length > 0 && _acceptedTypes.Contains(type)) || _acceptedExtensions.Contains(Path.GetExtension(client.Name));
    }

    private void AddAccepted(string item)
    {
        if (item.StartsWith('.') && item.Length > 1)
        {
            _acceptedExtensions.Add(item);
            if (ContentTypes.TryGetContentType("x" + item, out var type))
            {
                _acceptedTypes.Add(type);
            }
            return;
        }
        if (item.Contains('/', StringComparison.Ordinal) && !item.Contains(';', StringComparison.Ordinal))
        {
            _acceptedTypes.Add(item);
            return;
        }
        throw new ArgumentException($"Invalid accept filter for upload '{Name}'. Expected a file extension (\".png\") or a MIME type (\"image/png\", \"image/*\"). Got: '{item}'.", "accept");
    }
}
