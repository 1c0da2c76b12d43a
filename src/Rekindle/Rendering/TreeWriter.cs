using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>Writes rendered nodes in full: statics and every dynamic (docs/protocol.md §4.1).</summary>
internal static class TreeWriter
{
    /// <summary>Writes the members of a full node into the object the caller has started.</summary>
    public static void WriteNodeBody(Utf8JsonWriter writer, Rendered node, bool root)
    {
        WriteEntryBody(writer, node.Dynamics);
        if (root)
        {
            writer.WriteNumber(WireKeys.Root, 1);
        }
        WriteStatics(writer, node.Template);
    }

    /// <summary>Writes every dynamic of a node or comprehension entry, without statics.</summary>
    public static void WriteEntryBody(Utf8JsonWriter writer, object?[] dynamics)
    {
        for (var i = 0; i < dynamics.Length; i++)
        {
            WriteDynamic(writer, WireKeys.Index(i), dynamics[i]);
        }
    }

    public static void WriteDynamic(Utf8JsonWriter writer, JsonEncodedText key, object? value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(key, text);
                break;
            case Rendered nested:
                // As HEEx does for every single-root template: the client can then skip the
                // element when no later diff touches it, instead of re-rendering and morphing it.
                writer.WriteStartObject(key);
                WriteNodeBody(writer, nested, root: nested.Template.Shape.IsSingleRoot);
                writer.WriteEndObject();
                break;
            case Comprehension list:
                WriteComprehension(writer, key, list);
                break;
            case ComponentRef component:
                writer.WriteNumber(key, component.Cid);
                break;
            default:
                writer.WriteString(key, "");
                break;
        }
    }

    private static void WriteComprehension(Utf8JsonWriter writer, JsonEncodedText key, Comprehension list)
    {
        if (list.Template is null)
        {
            // An empty list that was never rendered has no statics yet (docs/protocol.md §4.6). A
            // stream without statics never had items in this view, so the client has none to delete.
            writer.WriteString(key, "");
            return;
        }
        writer.WriteStartObject(key);
        WriteStatics(writer, list.Template);
        writer.WriteStartObject(WireKeys.Keyed);
        for (var i = 0; i < list.Entries.Length; i++)
        {
            writer.WriteStartObject(WireKeys.Index(i));
            WriteEntryBody(writer, list.Entries[i]);
            writer.WriteEndObject();
        }
        writer.WriteNumber(WireKeys.KeyedCount, list.Entries.Length);
        writer.WriteEndObject();
        list.Stream?.Write(writer);
        writer.WriteEndObject();
    }

    private static void WriteStatics(Utf8JsonWriter writer, StaticTemplate template)
    {
        writer.WritePropertyName(WireKeys.Statics);
        writer.WriteRawValue(template.StaticsJson, skipInputValidation: true);
    }
}
