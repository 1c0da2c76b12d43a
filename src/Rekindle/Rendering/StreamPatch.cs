using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>
/// The <c>"stream"</c> annotation of a comprehension rendered from a stream (docs/protocol.md §4.8):
/// <c>[ref, [[domId, at, limit, updateOnly], …], [deleteId, …]]</c>, plus a fourth element
/// <c>true</c> on reset. The fourth element is left out otherwise, because the client resets on
/// its mere presence, so <c>false</c> would reset too.
/// </summary>
internal sealed class StreamPatch(string reference, StreamInsert[] inserts, string[] deletes, bool reset)
{
    public string Ref { get; } = reference;

    public StreamInsert[] Inserts { get; } = inserts;

    public string[] Deletes { get; } = deletes;

    public bool Reset { get; } = reset;

    /// <summary>Whether the client has anything to do: insert, delete or reset.</summary>
    public bool HasOperations => Inserts.Length > 0 || Deletes.Length > 0 || Reset;

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray(WireKeys.Stream);
        writer.WriteStringValue(Ref);
        writer.WriteStartArray();
        foreach (var insert in Inserts)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(insert.DomId);
            writer.WriteNumberValue(insert.At);
            if (insert.Limit is { } limit)
            {
                writer.WriteNumberValue(limit);
            }
            else
            {
                writer.WriteNullValue();
            }
            writer.WriteBooleanValue(insert.UpdateOnly);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteStartArray();
        foreach (var id in Deletes)
        {
            writer.WriteStringValue(id);
        }
        writer.WriteEndArray();
        if (Reset)
        {
            writer.WriteBooleanValue(true);
        }
        writer.WriteEndArray();
    }
}

