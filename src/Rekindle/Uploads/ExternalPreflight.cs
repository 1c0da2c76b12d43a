using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Rekindle.Uploads;

/// <summary>
/// The preflight of an external upload (docs/protocol.md §5.7; upstream <c>upload.ex</c>'s external
/// preflight): the view's presign callback answers for each requested entry, and the reply carries
/// each entry's metadata instead of a channel token, so the client hands the entry to the uploader
/// the metadata names. A refused entry, or one whose callback threw, keeps its place with the error.
/// </summary>
internal static partial class ExternalPreflight
{
    public const string PresignFailed = "presign_failed";
    private static readonly JsonEncodedText EntriesKey = JsonEncodedText.Encode("entries");
    private static readonly JsonEncodedText ErrorsKey = JsonEncodedText.Encode("errors");

    /// <summary>
    /// Presigns the requested entries. Without auto upload the client cancels its whole selection on
    /// any error (it submits all or nothing), so the first refusal stops the preflight and the
    /// entries presigned before it go back to waiting; with auto upload each entry stands alone.
    /// </summary>
    public static UploadPushes.Outcome Answer(UploadConfig config, HashSet<string> requested, ILogger logger)
    {
        var presigned = new List<UploadEntry>();
        var errors = new List<(string Ref, string Error)>();
        for (var i = 0; i < config.Entries.Count && i < config.RemainingEntries; i++)
        {
            var entry = config.Entries[i];
            if (!requested.Contains(entry.Ref) || entry.IsPreflighted || !entry.IsValid)
            {
                continue;
            }
            var answer = Presign(config, entry, logger);
            if (answer?.Meta is not { } meta)
            {
                var error = answer?.Error ?? PresignFailed;
                config.Fail(entry, error);
                errors.Add((entry.Ref, error));
                if (!config.AutoUpload)
                {
                    break;
                }
                continue;
            }
            entry.IsPreflighted = true;
            entry.ExternalMeta = meta;
            presigned.Add(entry);
        }
        if (errors.Count > 0 && !config.AutoUpload)
        {
            foreach (var entry in presigned)
            {
                entry.IsPreflighted = false;
                entry.ExternalMeta = null;
            }
            return UploadPushes.Errors(config, errors);
        }
        return new UploadPushes.Outcome(null, json =>
        {
            UploadPushes.WriteRefAndConfig(json, config);
            json.WriteStartObject(EntriesKey);
            foreach (var entry in presigned)
            {
                json.WritePropertyName(entry.Ref);
                entry.ExternalMeta!.WriteTo(json); // set for every presigned entry above
            }
            json.WriteEndObject();
            json.WriteStartObject(ErrorsKey);
            foreach (var (entryRef, error) in errors)
            {
                json.WriteString(entryRef, error);
            }
            json.WriteEndObject();
        });
    }

    /// <summary>Runs the view's callback; its exception ends only the entry, logged as a failure of user code.</summary>
    private static ExternalUpload? Presign(UploadConfig config, UploadEntry entry, ILogger logger)
    {
        try
        {
            var answer = config.External!(entry); // Answer runs for external uploads only
            if (answer is null)
            {
                Log.PresignReturnedNull(logger, config.Name);
            }
            return answer;
        }
        catch (Exception exception)
        {
            Log.PresignThrew(logger, exception, config.Name);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2802, LogLevel.Error, "The presign callback of external upload {Upload} threw; the entry is refused with presign_failed.", EventName = nameof(PresignThrew))]
        public static partial void PresignThrew(ILogger logger, Exception exception, string upload);

        [LoggerMessage(2803, LogLevel.Error, "The presign callback of external upload {Upload} returned null; the entry is refused with presign_failed. Expected ExternalUpload.To or ExternalUpload.Refuse.", EventName = nameof(PresignReturnedNull))]
        public static partial void PresignReturnedNull(ILogger logger, string upload);
    }
}
