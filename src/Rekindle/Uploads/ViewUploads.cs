using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Rekindle.Uploads;

/// <summary>
/// The uploads one view allowed, by name and by ref, and what the view does with their entries:
/// take the client's selections, consume and cancel. Runs on the view's loop only; the entries'
/// temp files are the <see cref="UploadTransfers"/> of the view's process (none in the dead render).
/// </summary>
internal sealed class ViewUploads
{
    // Created by the first AllowUpload: most views never allow one, and an idle view holds nothing for it.
    private Dictionary<string, UploadConfig>? _byName;

    public IReadOnlyDictionary<string, UploadConfig> ByName => (IReadOnlyDictionary<string, UploadConfig>?)_byName ?? ReadOnlyDictionary<string, UploadConfig>.Empty;

    /// <summary>A ref like Phoenix's: <c>phx-</c> and 6 random bytes, URL-safe.</summary>
    private static string NewUploadRef() => "phx-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(6));

    /// <summary>The upload with this ref; a view allows a handful at most, so a scan beats a second dictionary.</summary>
    public UploadConfig? FindByRef(string reference)
    {
        foreach (var config in ByName.Values)
        {
            if (string.Equals(config.Ref, reference, StringComparison.Ordinal))
            {
                return config;
            }
        }
        return null;
    }

    public UploadConfig Allow(string name, string? accept, int maxEntries, long maxFileSize, bool autoUpload, Func<UploadEntry, ExternalUpload>? external, Func<UploadEntry, ValueTask>? progress, MaxEntriesMode maxEntriesMode = MaxEntriesMode.Selected, Func<UploadEntry, IUploadWriter>? writer = null, int chunkSize = UploadConfig.DefaultChunkSize)
    {
        _byName ??= new(StringComparer.Ordinal);
        if (_byName.TryGetValue(name, out var existing) && existing.Entries.Count > 0)
        {
            throw new InvalidOperationException($"AllowUpload(\"{name}\") on an upload with entries. Expected its entries consumed or cancelled first; got {existing.Entries.Count}.");
        }
        var config = new UploadConfig(name, NewUploadRef(), accept, maxEntries, maxFileSize, autoUpload, external, progress, maxEntriesMode, writer, chunkSize);
        _byName[name] = config;
        return config;
    }

    /// <summary>
    /// Takes the selections a form event carries in <c>uploads</c> (§5.3): <c>{"&lt;upload ref&gt;": [entries]}</c>.
    /// Refs of uploads no longer allowed are ignored (the client may race a re-render); malformed
    /// lists are ignored with the returned error.
    /// </summary>
    public string? PutSelections(JsonElement eventPayload, UploadTransfers? transfers)
    {
        if (!eventPayload.TryGetProperty("uploads", out var uploads) || uploads.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var upload in uploads.EnumerateObject())
        {
            if (FindByRef(upload.Name) is not { } config)
            {
                continue;
            }
            if (!ClientUploadEntry.TryReadList(upload.Value, out var entries, out var error))
            {
                return error;
            }
            RemoveTransfers(config, config.PutEntries(entries), transfers);
        }
        return null;
    }

    public List<T> Consume<T>(string name, Func<string, UploadEntry, T> consume, UploadTransfers? transfers)
    {
        ArgumentNullException.ThrowIfNull(consume);
        var config = Get(name);
        if (config.External is not null)
        {
            throw new InvalidOperationException($"ConsumeUploadedEntries(\"{name}\") on an external upload. Expected ConsumeExternalEntries, which hands over each entry's metadata (its file never reached this server).");
        }
        ExpectTempFile(config, "ConsumeUploadedEntries");
        return ConsumeAll(config, (transfer, entry) => consume(transfer.Path, entry), transfers);
    }

    /// <summary>Hands each done entry's custom writer to <paramref name="consume"/> and removes the entries (Phoenix's consume with the writer's <c>meta</c>).</summary>
    public List<T> ConsumeWritten<TWriter, T>(string name, Func<TWriter, UploadEntry, T> consume, UploadTransfers? transfers)
        where TWriter : IUploadWriter
    {
        ArgumentNullException.ThrowIfNull(consume);
        var config = Get(name);
        ExpectWriter<TWriter>(config);
        return ConsumeAll(config, (transfer, entry) => consume(WriterOf<TWriter>(transfer, config), entry), transfers);
    }

    private static List<T> ConsumeAll<T>(UploadConfig config, Func<UploadTransfer, UploadEntry, T> consume, UploadTransfers? transfers)
    {
        var results = new List<T>();
        foreach (var entry in DoneEntries(config, "ConsumeUploadedEntries"))
        {
            if (ConsumeDone(config, entry, consume, transfers, out var result))
            {
                results.Add(result);
            }
        }
        return results;
    }

    /// <summary>
    /// Hands one done entry's file to <paramref name="consume"/> and removes the entry, whatever the
    /// upload's other entries are doing: the consume of a progress callback (Phoenix's <c>consume_uploaded_entry</c>).
    /// </summary>
    public T ConsumeEntry<T>(UploadEntry entry, Func<string, UploadEntry, T> consume, UploadTransfers? transfers)
    {
        ArgumentNullException.ThrowIfNull(consume);
        var config = DoneEntryConfig(entry);
        ExpectTempFile(config, "ConsumeUploadedEntry");
        return ConsumeOne(config, entry, (transfer, done) => consume(transfer.Path, done), transfers);
    }

    /// <summary>Hands one done entry's custom writer to <paramref name="consume"/> and removes the entry, as <see cref="ConsumeEntry{T}"/>.</summary>
    public T ConsumeWrittenEntry<TWriter, T>(UploadEntry entry, Func<TWriter, UploadEntry, T> consume, UploadTransfers? transfers)
        where TWriter : IUploadWriter
    {
        ArgumentNullException.ThrowIfNull(consume);
        var config = DoneEntryConfig(entry);
        ExpectWriter<TWriter>(config);
        return ConsumeOne(config, entry, (transfer, done) => consume(WriterOf<TWriter>(transfer, config), done), transfers);
    }

    private UploadConfig DoneEntryConfig(UploadEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var config = ByName.GetValueOrDefault(entry.UploadName) is { } owner && owner.Find(entry.Ref) == entry
            ? owner
            : throw new InvalidOperationException($"ConsumeUploadedEntry of '{entry.ClientName}': the entry is in none of this owner's uploads. Expected an entry not yet consumed or cancelled.");
        if (config.External is not null)
        {
            throw new InvalidOperationException($"ConsumeUploadedEntry on an entry of external upload \"{config.Name}\". Expected ConsumeExternalEntries, which hands over the entry's metadata (its file never reached this server).");
        }
        if (!entry.IsDone)
        {
            throw new InvalidOperationException($"ConsumeUploadedEntry of '{entry.ClientName}' at {entry.Progress} %. Expected a done entry (entry.IsDone), as in a progress callback at 100.");
        }
        return config;
    }

    private static T ConsumeOne<T>(UploadConfig config, UploadEntry entry, Func<UploadTransfer, UploadEntry, T> consume, UploadTransfers? transfers) =>
        ConsumeDone(config, entry, consume, transfers, out var result)
            ? result
            : throw new InvalidOperationException($"ConsumeUploadedEntry of '{entry.ClientName}': its transfer is gone (the view's process ended it).");

    private static void ExpectTempFile(UploadConfig config, string method)
    {
        if (config.Writer is not null)
        {
            throw new InvalidOperationException($"{method}(\"{config.Name}\") with a temp file path on an upload with a custom writer. Expected the overload taking the writer: {method}(\"{config.Name}\", (MyWriter writer, UploadEntry entry) => ...).");
        }
    }

    private static void ExpectWriter<TWriter>(UploadConfig config)
    {
        if (config.Writer is null)
        {
            throw new InvalidOperationException($"Consuming upload \"{config.Name}\" as {typeof(TWriter).Name} writers, but it has no custom writer. Expected AllowUpload(..., writer: entry => new {typeof(TWriter).Name}(...)), or the overload taking the temp file path.");
        }
    }

    private static TWriter WriterOf<TWriter>(UploadTransfer transfer, UploadConfig config) =>
        transfer.Writer?.Writer is TWriter writer
            ? writer
            : throw new InvalidOperationException($"Consuming upload \"{config.Name}\" as {typeof(TWriter).Name} writers. Expected the type its writer function returns; got {transfer.Writer?.Writer.GetType().Name ?? "a temp file"}.");

    private static bool ConsumeDone<T>(UploadConfig config, UploadEntry entry, Func<UploadTransfer, UploadEntry, T> consume, UploadTransfers? transfers, out T result)
    {
        // An entry is done only once its transfer completed (see UploadPushes.UpdateProgress).
        var transfer = transfers?.Find(config.Ref, entry.Ref);
        try
        {
            result = transfer is null ? default! : consume(transfer, entry);
            return transfer is not null;
        }
        finally
        {
            config.Consumed(entry);
            if (transfer is not null)
            {
                transfers!.Remove(transfer); // found in transfers above
            }
        }
    }

    /// <summary>Hands each done entry of an external upload to <paramref name="consume"/> with the metadata its presign callback gave it, and removes it.</summary>
    public List<T> ConsumeExternal<T>(string name, Func<JsonObject, UploadEntry, T> consume)
    {
        ArgumentNullException.ThrowIfNull(consume);
        var config = Get(name);
        if (config.External is null)
        {
            throw new InvalidOperationException($"ConsumeExternalEntries(\"{name}\") on a channel upload. Expected ConsumeUploadedEntries, which hands over each entry's temp file, or AllowUpload with external.");
        }
        var results = new List<T>();
        foreach (var entry in DoneEntries(config, "ConsumeExternalEntries"))
        {
            try
            {
                if (entry.ExternalMeta is { } meta)
                {
                    results.Add(consume(meta, entry));
                }
            }
            finally
            {
                config.Consumed(entry);
            }
        }
        return results;
    }

    private static List<UploadEntry> DoneEntries(UploadConfig config, string method)
    {
        var inProgress = 0;
        var done = new List<UploadEntry>();
        foreach (var entry in config.Entries)
        {
            if (entry.IsDone)
            {
                done.Add(entry);
            }
            else if (entry.IsValid)
            {
                inProgress++;
            }
        }
        if (inProgress > 0)
        {
            throw new InvalidOperationException($"{method}(\"{config.Name}\") while entries are still uploading. Expected it in phx-submit (the client holds the submit until every upload is done); got {inProgress} unfinished.");
        }
        return done;
    }

    public bool Cancel(string name, string entryRef, UploadTransfers? transfers)
    {
        var config = Get(name);
        if (config.Find(entryRef) is not { } entry)
        {
            return false;
        }
        Drop(config, entry, transfers);
        return true;
    }

    public static void Drop(UploadConfig config, UploadEntry entry, UploadTransfers? transfers)
    {
        config.Drop(entry);
        RemoveTransfers(config, [entry], transfers);
    }

    private UploadConfig Get(string name) =>
        ByName.GetValueOrDefault(name)
        ?? throw new ArgumentException($"No upload named '{name}'. Expected a name given to AllowUpload; got '{name}'.", nameof(name));

    private static void RemoveTransfers(UploadConfig config, List<UploadEntry> entries, UploadTransfers? transfers)
    {
        if (transfers is null)
        {
            return;
        }
        foreach (var entry in entries)
        {
            if (transfers.Find(config.Ref, entry.Ref) is { } transfer)
            {
                transfers.Remove(transfer);
            }
        }
    }
}
