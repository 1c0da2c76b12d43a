using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rekindle.Uploads;

/// <summary>
/// The view's side of an upload (docs/protocol.md §5.7; upstream <c>upload.ex</c> and
/// <c>channel.ex</c>): the <c>allow_upload</c> preflight, answered with the client config and one
/// signed token per entry (or with the errors that stop the submit), and <c>progress</c>, which
/// moves an entry's percentage and marks it done once its bytes are all on disk.
/// </summary>
internal static partial class UploadPushes
{
    public const string AllowUpload = "allow_upload";
    public const string Progress = "progress";
    public const string ExternalClientFailure = "external_client_failure";

    private static readonly JsonEncodedText RefKey = JsonEncodedText.Encode("ref");
    private static readonly JsonEncodedText ConfigKey = JsonEncodedText.Encode("config");
    private static readonly JsonEncodedText EntriesKey = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText ErrorsKey = JsonEncodedText.Encode("errors");
    private static readonly JsonEncodedText ErrorKey = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText MaxFileSizeKey = JsonEncodedText.Encode("max_file_size");
    private static readonly JsonEncodedText MaxEntriesKey = JsonEncodedText.Encode("max_entries");
    private static readonly JsonEncodedText ChunkSizeKey = JsonEncodedText.Encode("chunk_size");
    private static readonly JsonEncodedText ChunkTimeoutKey = JsonEncodedText.Encode("chunk_timeout");

    /// <summary>
    /// The outcome of an upload push: an error reason for an error reply, or what the ok reply carries
    /// besides the diff, and the upload's progress callback to run before the reply renders.
    /// </summary>
    public readonly record struct Outcome(string? Error, Action<Utf8JsonWriter>? WriteReply, Func<ValueTask>? Progressed = null)
    {
        public static Outcome Refused(string error) => new(error, null);
    }

    public static Outcome Preflight(ViewUploads uploads, JsonElement payload, UploadTransfers transfers, UploadService service, string viewTopic, ILogger logger)
    {
        if (ReadString(payload, "ref") is not { } reference || !payload.TryGetProperty("entries", out var list))
        {
            return Outcome.Refused("allow_upload needs a ref and entries");
        }
        if (uploads.FindByRef(reference) is not { } config)
        {
            return Outcome.Refused("no upload allowed for this ref");
        }
        if (!ClientUploadEntry.TryReadList(list, out var selected, out var error))
        {
            return Outcome.Refused(error);
        }
        foreach (var replaced in config.PutEntries(selected))
        {
            if (transfers.Find(config.Ref, replaced.Ref) is { } transfer)
            {
                transfers.Remove(transfer);
            }
        }
        // Without auto upload the client submits all or nothing, so any error stops the selection; an
        // auto upload's valid entries start anyway, as many as the limit leaves room for, beside the
        // errors of the others (upstream's put_entries and generate_preflight_response).
        if (config.Errors.Count > 0 && !config.AutoUpload)
        {
            return Errors(config, config.Errors.ToArray());
        }
        var requested = selected.Select(entry => entry.Ref).ToHashSet(StringComparer.Ordinal);
        if (config.External is not null)
        {
            return ExternalPreflight.Answer(config, requested, logger);
        }
        var tokens = new List<(string EntryRef, string Token)>();
        var refused = new List<UploadEntry>();
        for (var i = 0; i < config.Entries.Count && i < config.RemainingEntries; i++)
        {
            var entry = config.Entries[i];
            if (!requested.Contains(entry.Ref) || entry.IsPreflighted)
            {
                continue;
            }
            if (!entry.IsValid)
            {
                refused.Add(entry);
                continue;
            }
            entry.IsPreflighted = true;
            // The writer is made here, on the view's loop (upstream calls its writer function in the view too).
            var writer = config.Writer?.Invoke(entry);
            var transfer = transfers.Create(service.TempFolder, config.Ref, entry.Ref, entry.ClientSize, TimeSpan.FromMilliseconds(config.ChunkTimeout), config.ChunkSize, writer);
            tokens.Add((entry.Ref, service.Protect(viewTopic, transfer.Id)));
        }
        return new Outcome(null, json =>
        {
            WriteRefAndConfig(json, config);
            json.WriteStartObject(EntriesKey);
            foreach (var (entryRef, token) in tokens)
            {
                json.WriteString(entryRef, token);
            }
            json.WriteEndObject();
            json.WriteStartObject(ErrorsKey);
            foreach (var entry in refused)
            {
                json.WriteStartArray(entry.Ref);
                foreach (var (errorRef, reason) in config.Errors)
                {
                    if (errorRef == entry.Ref)
                    {
                        json.WriteStringValue(reason);
                    }
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>{"ref","entry_ref","progress": 0..100 | {"error": reason}}</c>. Unknown refs are a race with
    /// a cancel or consume and change nothing. 100 counts only when the transfer really completed:
    /// the chunks and this push travel on the same socket, so a real client never says 100 early.
    /// </summary>
    public static Outcome UpdateProgress(ViewUploads uploads, JsonElement payload, UploadTransfers transfers, ILogger logger)
    {
        if (ReadString(payload, "ref") is not { } reference || ReadString(payload, "entry_ref") is not { } entryRef || !payload.TryGetProperty("progress", out var progress))
        {
            return Outcome.Refused("progress needs a ref, an entry_ref and a progress");
        }
        if (uploads.FindByRef(reference) is not { } config || config.Find(entryRef) is not { } entry)
        {
            return default;
        }
        if (progress.ValueKind == JsonValueKind.Object && progress.TryGetProperty("error", out _) && config.External is not null)
        {
            // An external entry's uploader gave up (the store refused it): the entry keeps its place
            // with the error, as upstream's external_client_failure, until the user cancels it.
            if (!entry.IsDone)
            {
                config.Fail(entry, ExternalClientFailure);
            }
            return default;
        }
        if (progress.ValueKind == JsonValueKind.Object && progress.TryGetProperty("error", out _))
        {
            // The client gave up on the entry (its channel failed): drop it, as upstream does when
            // the upload channel exits, so the input's refs let the client clear the file.
            ViewUploads.Drop(config, entry, transfers);
            return default;
        }
        if (progress.ValueKind != JsonValueKind.Number || !progress.TryGetInt32(out var percent) || percent is < 0 or > 100)
        {
            return Outcome.Refused("progress must be an integer from 0 to 100 or {\"error\": reason}");
        }
        if (!entry.IsPreflighted || !entry.IsValid || entry.IsDone || percent <= entry.Progress)
        {
            return default;
        }
        // An external entry's bytes go elsewhere, so its uploader's word is all there is (the view
        // checks with the store when it consumes); a channel entry's 100 needs its file complete.
        if (percent == 100 && config.External is null && transfers.Find(config.Ref, entry.Ref) is not { IsComplete: true })
        {
            Log.EarlyCompletion(logger, entry.Ref);
            return default;
        }
        entry.Progress = percent;
        entry.IsDone = percent == 100;
        return config.ProgressCallback is { } callback ? new Outcome(null, null, () => callback(entry)) : default;
    }

    /// <summary>The start of an ok preflight reply: <c>"ref"</c> and the client's <c>"config"</c> (§5.7).</summary>
    public static void WriteRefAndConfig(Utf8JsonWriter json, UploadConfig config)
    {
        json.WriteString(RefKey, config.Ref);
        json.WriteStartObject(ConfigKey);
        json.WriteNumber(MaxFileSizeKey, config.MaxFileSize);
        json.WriteNumber(MaxEntriesKey, config.MaxEntries);
        json.WriteNumber(ChunkSizeKey, config.ChunkSize);
        json.WriteNumber(ChunkTimeoutKey, config.ChunkTimeout);
        json.WriteEndObject();
    }

    /// <summary>A preflight reply that stops the selection: <c>{"ref","error":[[entry_ref, reason]…]}</c> (§5.7).</summary>
    public static Outcome Errors(UploadConfig config, IReadOnlyList<(string Ref, string Error)> errors) => new(null, json =>
    {
        json.WriteString(RefKey, config.Ref);
        json.WriteStartArray(ErrorKey);
        foreach (var (entryRef, reason) in errors)
        {
            json.WriteStartArray();
            json.WriteStringValue(entryRef);
            json.WriteStringValue(reason);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    });

    private static string? ReadString(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static partial class Log
    {
        [LoggerMessage(2801, LogLevel.Debug, "Progress 100 for upload entry {EntryRef} ignored: its bytes have not all arrived.", EventName = nameof(EarlyCompletion))]
        public static partial void EarlyCompletion(ILogger logger, string entryRef);
    }
}
