using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Rekindle.Wire;

/// <summary>
/// Parses a text frame of the V2 JSON serializer. Anything that is not a five-element array of
/// (string|null, string|null, string, string, object) is refused with a reason; the caller closes
/// the socket. Refs are kept as the exact strings received, since the client matches them with ===.
/// </summary>
internal static class FrameReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static bool TryRead(ReadOnlyMemory<byte> utf8, out InboundFrame frame, [NotNullWhen(false)] out string? error)
    {
        frame = default;
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            error = "the frame is not valid UTF-8";
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                error = "a frame must be a JSON array";
                return false;
            }
            if (!TryReadRef(ref reader, out var joinRef, out error) || !TryReadRef(ref reader, out var messageRef, out error))
            {
                return false;
            }
            if (!TryReadString(ref reader, "topic", out var topic, out error) || !TryReadString(ref reader, "event", out var eventName, out error))
            {
                return false;
            }
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the payload (fifth element) must be a JSON object";
                return false;
            }
            if (!EscapesAreValid(reader))
            {
                error = "the payload has a string with an invalid escape (a lone surrogate)";
                return false;
            }
            var payload = JsonElement.ParseValue(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                error = "a frame must have exactly five elements";
                return false;
            }
            if (reader.Read())
            {
                error = "unexpected data after the frame";
                return false;
            }
            frame = new InboundFrame(joinRef, messageRef, topic, eventName, payload);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"malformed JSON ({exception.Message})";
            return false;
        }
        catch (InvalidOperationException exception)
        {
            // Utf8JsonReader.GetString throws this for invalid UTF-8 inside a string.
            error = $"malformed JSON ({exception.Message})";
            return false;
        }
    }

    /// <summary>
    /// The frame is valid UTF-8, but a JSON escape such as <c>\ud800</c> can still name a lone
    /// surrogate, which makes every later <c>GetString</c> throw (found by the fuzz test). Reads the
    /// payload once on a copy of the reader and decodes each escaped string.
    /// </summary>
    private static bool EscapesAreValid(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        try
        {
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                if (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadRef(ref Utf8JsonReader reader, out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            error = "a frame must have exactly five elements";
            return false;
        }
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                error = null;
                return true;
            case JsonTokenType.String:
                value = reader.GetString();
                error = null;
                return true;
            default:
                error = "join_ref and ref must be strings or null";
                return false;
        }
    }

    private static bool TryReadString(ref Utf8JsonReader reader, string what, out string value, [NotNullWhen(false)] out string? error)
    {
        value = "";
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            error = $"the {what} must be a string";
            return false;
        }
        value = reader.GetString() ?? "";
        error = null;
        return true;
    }
}
