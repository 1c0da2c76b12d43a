using System.Buffers;
using System.Text.Json;
using Rekindle.Rendering;

namespace Rekindle.Recovery;

/// <summary>
/// Writes one view's snapshots in the <see cref="ViewSnapshot"/> format straight from its members. The
/// recoverable part (state, components, topic positions) is written first and compared byte for byte
/// with the previous one, so a message that changed nothing recoverable costs one serialization and no
/// tree, string or array; only a changed one is completed with the identifying fields (their order in
/// the object does not matter to the reader) and copied out. The buffer is the thread's, not the view's:
/// a view keeps only the bytes of its last recoverable part.
/// </summary>
internal sealed class SnapshotEncoder(RecoverableMembers members, string viewId, string browserSessionId)
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[] _last = [];
    private bool _remembered;

    /// <summary>Remembers the current recoverable part without a snapshot (the state a join produced).</summary>
    public void Remember(object view, List<ComponentSnapshot> components, Dictionary<string, string>? positions) =>
        WriteChanged(view, components, positions, out _);

    /// <summary>The snapshot of generation <paramref name="generation"/> as a new array, or null when the recoverable part did not change since the last call.</summary>
    public byte[]? EncodeIfChanged(object view, List<ComponentSnapshot> components, Dictionary<string, string>? positions, long generation)
    {
        if (!WriteChanged(view, components, positions, out var writer))
        {
            return null;
        }
        writer.WriteNumber("v", ViewSnapshot.CurrentVersion);
        writer.WriteString("id", viewId);
        writer.WriteString("sid", browserSessionId);
        writer.WriteString("t", members.TypeHash);
        writer.WriteString("h", members.Schema);
        writer.WriteNumber("g", generation);
        writer.WritePropertyName("m");
        writer.WriteRawValue(members.MemberTypesJson, skipInputValidation: true);
        writer.WriteEndObject();
        writer.Flush();
        // WriteChanged created the thread's buffer.
        return t_buffer!.WrittenSpan.ToArray();
    }

    /// <summary>Opens the snapshot's object and writes the recoverable part into it; true (and remembered) when it differs from the last one.</summary>
    private bool WriteChanged(object view, List<ComponentSnapshot> components, Dictionary<string, string>? positions, out Utf8JsonWriter writer)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        writer = t_writer ??= new Utf8JsonWriter(buffer, WireJson.WriterOptions);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WritePropertyName("s");
        members.Write(writer, view);
        writer.WritePropertyName("c");
        JsonSerializer.Serialize(writer, components, WireJson.PayloadOptions);
        if (positions is not null)
        {
            writer.WritePropertyName("p");
            JsonSerializer.Serialize(writer, positions, WireJson.PayloadOptions);
        }
        writer.Flush();
        var part = buffer.WrittenSpan;
        if (_remembered && part.SequenceEqual(_last))
        {
            return false;
        }
        if (_last.Length == part.Length)
        {
            part.CopyTo(_last);
        }
        else
        {
            _last = part.ToArray();
        }
        _remembered = true;
        return true;
    }
}
