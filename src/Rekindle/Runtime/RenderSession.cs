using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// What the client holds of one joined view: the last rendered tree and title. Turns each new render
/// into a full tree (join) or a diff, with the pushed events and hook reply the handlers queued
/// (liveview-protocol.md §4.4, §4.10).
/// </summary>
internal sealed class RenderSession
{
    private Rendered? _held;
    private string? _heldTitle;

    /// <summary>Writes the full render into the object the caller has started.</summary>
    public void WriteFull(Utf8JsonWriter writer, LiveView view)
    {
        var root = view.Render();
        TreeWriter.WriteNodeBody(writer, root, root: false);
        if (view.PageTitle is { } title)
        {
            writer.WriteString(WireKeys.Title, title);
        }
        WriteEffects(writer, view.Effects);
        _held = root;
        _heldTitle = view.PageTitle;
    }

    /// <summary>Writes what changed since the last render into the innermost entered object.</summary>
    public void WriteDiff(LazyObjectWriter output, LiveView view)
    {
        var root = view.Render();
        DiffWriter.WriteRoot(output, _held, root);
        _held = root;
        if (!string.Equals(view.PageTitle, _heldTitle, StringComparison.Ordinal))
        {
            output.Open().WriteString(WireKeys.Title, view.PageTitle ?? "");
            _heldTitle = view.PageTitle;
        }
        if (view.Effects.Events.Count > 0 || view.Effects.HasReply)
        {
            WriteEffects(output.Open(), view.Effects);
        }
    }

    private static void WriteEffects(Utf8JsonWriter writer, ClientEffects effects)
    {
        if (effects.Events.Count > 0)
        {
            writer.WriteStartArray(WireKeys.Events);
            foreach (var (name, payload) in effects.Events)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                WritePayload(writer, payload);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        if (effects.HasReply)
        {
            writer.WritePropertyName(WireKeys.Reply);
            WritePayload(writer, effects.Reply);
        }
        effects.Clear();
    }

    private static void WritePayload(Utf8JsonWriter writer, object? payload)
    {
        if (payload is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }
        JsonSerializer.Serialize(writer, payload, payload.GetType(), WireJson.PayloadOptions);
    }
}
