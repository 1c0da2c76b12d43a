using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>The keys of the rendered-tree wire format (docs/protocol.md §4), encoded once.</summary>
internal static class WireKeys
{
    public static readonly JsonEncodedText Statics = JsonEncodedText.Encode("s");
    public static readonly JsonEncodedText Keyed = JsonEncodedText.Encode("k");
    public static readonly JsonEncodedText KeyedCount = JsonEncodedText.Encode("kc");
    public static readonly JsonEncodedText KeyedMoves = JsonEncodedText.Encode("km");
    public static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");
    public static readonly JsonEncodedText Components = JsonEncodedText.Encode("c");
    public static readonly JsonEncodedText Root = JsonEncodedText.Encode("r");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("t");
    public static readonly JsonEncodedText Events = JsonEncodedText.Encode("e");
    public static readonly JsonEncodedText Reply = JsonEncodedText.Encode("r");

    private static readonly JsonEncodedText[] Indexes = Enumerable.Range(0, 256)
        .Select(i => JsonEncodedText.Encode(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToArray();

    public static JsonEncodedText Index(int index) =>
        index < Indexes.Length ? Indexes[index] : JsonEncodedText.Encode(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
