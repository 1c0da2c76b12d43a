using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// Reads the payload of an <c>event</c> push (docs/protocol.md §5.2–5.3): the event name, the
/// value (an object, or a url-encoded string for forms), <c>meta</c> and the target <c>cid</c>.
/// </summary>
internal static class EventPayloadParser
{
    public static bool TryParse(JsonElement payload, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out EventPayload? parsed, [NotNullWhen(false)] out string? error)
    {
        name = null;
        parsed = null;
        if (!payload.TryGetProperty("event", out var eventElement) || eventElement.ValueKind != JsonValueKind.String || eventElement.GetString() is not { Length: > 0 } eventName)
        {
            error = "the event payload has no event name";
            return false;
        }
        var type = payload.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        var value = payload.TryGetProperty("value", out var valueElement) ? valueElement : default;
        var meta = payload.TryGetProperty("meta", out var metaElement) && metaElement.ValueKind == JsonValueKind.Object ? metaElement : default;
        int? cid = null;
        if (payload.TryGetProperty("cid", out var cidElement))
        {
            if (cidElement.ValueKind != JsonValueKind.Number || !cidElement.TryGetInt32(out var cidValue) || cidValue < 1)
            {
                error = "the event's cid must be a positive integer";
                return false;
            }
            cid = cidValue;
        }
        FormData? form = null;
        if (type == "form")
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                error = "a form event's value must be a url-encoded string";
                return false;
            }
            var target = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("_target", out var targetElement) && targetElement.ValueKind == JsonValueKind.String
                ? targetElement.GetString()
                : null;
            form = FormData.Parse(value.GetString(), target);
        }
        name = eventName;
        parsed = new EventPayload(type, value, form, meta, cid);
        error = null;
        return true;
    }
}
