using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>
/// Writes what changed between the tree the client holds and a new render of the same template
/// (docs/protocol.md §4.10). Values are compared, not tracked: an unchanged slot is omitted, a
/// slot whose template changed is sent in full with its statics, and keyed lists send moves.
/// Output goes through a <see cref="LazyObjectWriter"/>, so nothing is written for unchanged subtrees.
/// </summary>
internal static class DiffWriter
{
    /// <summary>
    /// Writes the changes of a view's root: the whole node when the client holds nothing or another
    /// template (the client replaces a node that comes with statics, §4.2), otherwise the changed slots.
    /// </summary>
    public static void WriteRoot(LazyObjectWriter output, Rendered? held, Rendered next)
    {
        if (held is null || !held.Template.SameAs(next.Template))
        {
            TreeWriter.WriteNodeBody(output.Open(), next, root: false);
            return;
        }
        WriteChanges(output, held.Dynamics, next.Dynamics);
    }

    public static void WriteChanges(LazyObjectWriter output, object?[] previous, object?[] next)
    {
        for (var i = 0; i < next.Length; i++)
        {
            WriteSlotChange(output, WireKeys.Index(i), previous[i], next[i] ?? "");
        }
    }

    private static void WriteSlotChange(LazyObjectWriter output, JsonEncodedText key, object? previous, object next)
    {
        switch (next)
        {
            case string text:
                if (previous is not string heldText || !string.Equals(heldText, text, StringComparison.Ordinal))
                {
                    output.Open().WriteString(key, text);
                }
                break;
            case Rendered node when previous is Rendered heldNode && heldNode.Template.SameAs(node.Template):
                if (!ReferenceEquals(heldNode, node))
                {
                    output.Enter(key);
                    WriteChanges(output, heldNode.Dynamics, node.Dynamics);
                    output.Exit();
                }
                break;
            case Comprehension list:
                WriteListChange(output, key, previous, list);
                break;
            case ComponentRef component:
                if (previous is not ComponentRef heldComponent || heldComponent.Cid != component.Cid)
                {
                    output.Open().WriteNumber(key, component.Cid);
                }
                break;
            default:
                TreeWriter.WriteDynamic(output.Open(), key, next);
                break;
        }
    }

    private static void WriteListChange(LazyObjectWriter output, JsonEncodedText key, object? previous, Comprehension list)
    {
        var held = previous as Comprehension;
        if (list.Stream is { } stream && list.Template is not null && held?.Template is { } heldTemplate && heldTemplate.SameAs(list.Template))
        {
            WriteStreamChange(output, key, list, stream);
            return;
        }
        if (list.Template is null)
        {
            if (held?.Template is not null && held.Count > 0)
            {
                var writer = output.Open();
                writer.WriteStartObject(key);
                writer.WriteStartObject(WireKeys.Keyed);
                writer.WriteNumber(WireKeys.KeyedCount, 0);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else if (held is null && previous is not "")
            {
                output.Open().WriteString(key, "");
            }
            return;
        }
        if (held?.Template is null || !held.Template.SameAs(list.Template))
        {
            TreeWriter.WriteDynamic(output.Open(), key, list);
            return;
        }
        output.Enter(key);
        output.Enter(WireKeys.Keyed);
        var oldIndexes = new Dictionary<object, int>(held.Count);
        for (var j = 0; j < held.Count; j++)
        {
            oldIndexes[held.Keys[j]] = j;
        }
        var moved = false;
        for (var i = 0; i < list.Count; i++)
        {
            var entryKey = WireKeys.Index(i);
            var entry = list.Entries[i];
            if (!oldIndexes.TryGetValue(list.Keys[i], out var j))
            {
                var writer = output.Open();
                writer.WriteStartObject(entryKey);
                TreeWriter.WriteEntryBody(writer, entry);
                writer.WriteEndObject();
                continue;
            }
            var unchanged = RenderedEquality.DynamicsEqual(held.Entries[j], entry);
            if (j == i)
            {
                if (!unchanged)
                {
                    output.Enter(entryKey);
                    WriteChanges(output, held.Entries[j], entry);
                    output.Exit();
                }
                continue;
            }
            moved = true;
            var moveWriter = output.Open();
            if (unchanged)
            {
                moveWriter.WriteNumber(entryKey, j);
                continue;
            }
            moveWriter.WriteStartArray(entryKey);
            moveWriter.WriteNumberValue(j);
            moveWriter.WriteStartObject();
            WriteChanges(output, held.Entries[j], entry);
            moveWriter.WriteEndObject();
            moveWriter.WriteEndArray();
        }
        if (output.IsOpen || list.Count != held.Count)
        {
            var writer = output.Open();
            writer.WriteNumber(WireKeys.KeyedCount, list.Count);
            if (moved)
            {
                writer.WriteBoolean(WireKeys.KeyedMoves, true);
            }
        }
        output.Exit();
        output.Exit();
    }

    /// <summary>
    /// The client emptied its copy of the stream's entries after the last render (§4.8), so items
    /// are always sent in full, and nothing at all when the stream has nothing to do.
    /// </summary>
    private static void WriteStreamChange(LazyObjectWriter output, JsonEncodedText key, Comprehension list, StreamPatch stream)
    {
        if (!stream.HasOperations)
        {
            return;
        }
        var writer = output.Open();
        writer.WriteStartObject(key);
        writer.WriteStartObject(WireKeys.Keyed);
        for (var i = 0; i < list.Count; i++)
        {
            writer.WriteStartObject(WireKeys.Index(i));
            TreeWriter.WriteEntryBody(writer, list.Entries[i]);
            writer.WriteEndObject();
        }
        writer.WriteNumber(WireKeys.KeyedCount, list.Count);
        writer.WriteEndObject();
        stream.Write(writer);
        writer.WriteEndObject();
    }
}
