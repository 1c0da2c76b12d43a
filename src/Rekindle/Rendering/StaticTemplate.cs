using System.Text;
using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>
/// The literal parts of one template call site: what the client calls statics (<c>"s"</c>).
/// Built once per call site, so the JSON of the statics is encoded once and reused by every render.
/// The fingerprint never leaves the server; it decides whether the client already holds this template.
/// </summary>
internal sealed class StaticTemplate
{
    private StaticTemplate(string[] parts, TemplateShape shape)
    {
        Parts = parts;
        Shape = shape;
        Fingerprint = ComputeFingerprint(parts);
        StaticsJson = EncodeStatics(parts);
    }

    public string[] Parts { get; }

    public TemplateShape Shape { get; }

    public ulong Fingerprint { get; }

    /// <summary>The statics as a UTF-8 JSON array, written raw into every full render.</summary>
    public byte[] StaticsJson { get; }

    public int HoleCount => Parts.Length - 1;

    public static StaticTemplate Create(string[] parts) => new(parts, TemplateAnalyzer.Analyze(parts));

    public bool SameAs(StaticTemplate other) =>
        ReferenceEquals(this, other)
        || (Fingerprint == other.Fingerprint && Parts.AsSpan().SequenceEqual(other.Parts));

    private static ulong ComputeFingerprint(string[] parts)
    {
        // FNV-1a over the parts with a separator, so ["ab","c"] and ["a","bc"] differ.
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var ch in part)
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
            hash = (hash ^ 0xFFFF) * 1099511628211UL;
        }
        return hash;
    }

    private static byte[] EncodeStatics(string[] parts)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(parts.Sum(p => p.Length) + 16);
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var part in parts)
            {
                writer.WriteStringValue(part);
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Parts.Length; i++)
        {
            if (i > 0)
            {
                text.Append("{…}");
            }
            text.Append(Parts[i]);
        }
        return text.ToString();
    }
}
