using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Rekindle.Uploads;

/// <summary>
/// A file as the client describes it in a change event's <c>uploads</c> or an <c>allow_upload</c>
/// (docs/protocol.md §5.3, §5.7): <c>{"ref","name","size","type","last_modified",…}</c>.
/// <see cref="Restarted"/> is the client's <c>"meta":{"rekindle_restarted":true}</c> (§5.7): Rekindle's
/// bundle selected the file again itself after the connection dropped mid-upload.
/// </summary>
internal sealed record ClientUploadEntry(string Ref, string Name, long Size, string Type, long? LastModified, bool Restarted = false)
{
    private const int MaxRefLength = 64;
    private const int MaxNameLength = 1024;
    private const int MaxTypeLength = 255;

    /// <summary>Reads a JSON array of entries; any malformed entry refuses the whole list.</summary>
    public static bool TryReadList(JsonElement array, [NotNullWhen(true)] out List<ClientUploadEntry>? entries, [NotNullWhen(false)] out string? error)
    {
        entries = null;
        if (array.ValueKind != JsonValueKind.Array)
        {
            error = "upload entries must be an array";
            return false;
        }
        var list = new List<ClientUploadEntry>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !TryString(item, "ref", MaxRefLength, out var reference) || reference.Length == 0
                || !TryString(item, "name", MaxNameLength, out var name)
                || !TryString(item, "type", MaxTypeLength, out var type)
                || !item.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var bytes) || bytes < 0)
            {
                error = "an upload entry needs a ref, a name, a type and a non-negative integer size";
                return false;
            }
            long? lastModified = item.TryGetProperty("last_modified", out var modified) && modified.ValueKind == JsonValueKind.Number && modified.TryGetInt64(out var ms) ? ms : null;
            var restarted = item.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("rekindle_restarted", out var flag) && flag.ValueKind == JsonValueKind.True;
            list.Add(new ClientUploadEntry(reference, name, bytes, type, lastModified, restarted));
        }
        entries = list;
        error = null;
        return true;
    }

    private static bool TryString(JsonElement item, string property, int maxLength, out string value)
    {
        value = "";
        if (!item.TryGetProperty(property, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        value = element.GetString() ?? "";
        return value.Length <= maxLength;
    }
}
