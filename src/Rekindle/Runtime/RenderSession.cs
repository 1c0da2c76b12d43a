using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// What the client holds of one joined view: the last rendered tree, title and components. Each
/// pass applies queued component updates, renders the view, resolves its components, and writes
/// either the full tree (join) or a diff, with the pushed events and hook reply the handlers queued
/// (docs/protocol.md §4.4, §4.5, §4.10).
/// </summary>
internal sealed partial class RenderSession
{
    private const int MaxResolveRounds = 16;
    private readonly LiveView _view;
    private readonly ILogger _logger;
    private Rendered? _held;
    private string? _heldTitle;

    public RenderSession(LiveView view, IServiceProvider services, int maxComponents, ILogger logger)
    {
        _view = view;
        _logger = logger;
        Components = new ComponentRegistry(services, view.Effects, (component, members) => Log.MembersDropped(logger, component, string.Join(", ", members)), maxComponents, view.Cancellation, view.Runtime, connected: true);
    }

    public ComponentRegistry Components { get; }

    /// <summary>
    /// Renders the view and its components, ready to be written. With <paramref name="componentsOnly"/>
    /// (a component's own event, as in Phoenix) the view is not rendered: only the components an event
    /// or update changed render, so the parent's assigns reach no <c>UpdateAsync</c>.
    /// </summary>
    public async ValueTask<RenderPass> RenderAsync(bool componentsOnly = false)
    {
        await ApplyUpdatesAsync();
        var root = componentsOnly && _held is not null ? _held : _view.RenderPage();
        var components = ReferenceEquals(root, _held) ? await Components.RenderChangedAsync() : await Components.ResolveAsync(root);
        // An UpdateAsync run while resolving may SendUpdate itself or another component: that update
        // belongs to this same pass, not to a later one that may never come.
        for (var round = 0; _view.Effects.Updates.Count > 0; round++)
        {
            if (round == MaxResolveRounds)
            {
                throw new InvalidOperationException($"Components kept sending updates to each other from UpdateAsync after {MaxResolveRounds} renders. Expected SendUpdate from UpdateAsync to settle.");
            }
            await ApplyUpdatesAsync();
            Merge(components, ReferenceEquals(root, _held) ? await Components.RenderChangedAsync() : await Components.ResolveAsync(root));
        }
        return new RenderPass(root, components);
    }

    private ValueTask ApplyUpdatesAsync() => _view.Effects.Updates.Count == 0
        ? ValueTask.CompletedTask
        : Components.ApplyUpdatesAsync((type, id) => Log.UpdateForMissingComponent(_logger, type.Name, id));

    /// <summary>A component rendered again in the same pass is sent once: from what the client held to the last render.</summary>
    private static void Merge(List<ComponentRender> renders, List<ComponentRender> again)
    {
        foreach (var render in again)
        {
            var index = renders.FindIndex(earlier => earlier.State == render.State);
            if (index < 0)
            {
                renders.Add(render);
            }
            else
            {
                renders[index] = renders[index] with { Next = render.Next };
            }
        }
    }

    /// <summary>Writes the full render into the object the caller has started (join reply).</summary>
    public void WriteFull(Utf8JsonWriter writer, RenderPass pass, BrowserSnapshot? snapshot)
    {
        TreeWriter.WriteNodeBody(writer, pass.Root, root: false);
        if (pass.Components.Count > 0)
        {
            writer.WriteStartObject(WireKeys.Components);
            foreach (var component in pass.Components)
            {
                writer.WriteStartObject(WireKeys.Index(component.State.Cid));
                TreeWriter.WriteNodeBody(writer, component.Next, root: true);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        if (_view.PageTitle is { } title)
        {
            writer.WriteString(WireKeys.Title, title);
        }
        WriteEffects(writer, _view.Effects, snapshot);
        _held = pass.Root;
        _heldTitle = _view.PageTitle;
        FlushStreams(pass);
    }

    /// <summary>Makes the next diff carry the whole view and every component with their statics, as a join reply does.</summary>
    public void ForgetClientTree()
    {
        _held = null;
        Components.ForgetRendered();
    }

    /// <summary>
    /// Writes what changed since the last render into the innermost entered object, with the
    /// browser-kept snapshot recorded from this render's state, if any: the token leaves in the frame
    /// of the diff it describes, never before or after it.
    /// </summary>
    public void WriteDiff(LazyObjectWriter output, RenderPass pass, BrowserSnapshot? snapshot)
    {
        if (!ReferenceEquals(pass.Root, _held))
        {
            DiffWriter.WriteRoot(output, _held, pass.Root);
            _held = pass.Root;
        }
        if (pass.Components.Count > 0)
        {
            output.Enter(WireKeys.Components);
            foreach (var component in pass.Components)
            {
                var key = WireKeys.Index(component.State.Cid);
                if (component.Held is { } held && held.Template.SameAs(component.Next.Template))
                {
                    output.Enter(key);
                    DiffWriter.WriteChanges(output, held.Dynamics, component.Next.Dynamics);
                    output.Exit();
                    continue;
                }
                var writer = output.Open();
                writer.WriteStartObject(key);
                TreeWriter.WriteNodeBody(writer, component.Next, root: true);
                writer.WriteEndObject();
            }
            output.Exit();
        }
        if (!string.Equals(_view.PageTitle, _heldTitle, StringComparison.Ordinal))
        {
            output.Open().WriteString(WireKeys.Title, _view.PageTitle ?? "");
            _heldTitle = _view.PageTitle;
        }
        if (_view.Effects.Events.Count > 0 || _view.Effects.HasReply || snapshot is not null)
        {
            WriteEffects(output.Open(), _view.Effects, snapshot);
        }
        FlushStreams(pass);
    }

    private void FlushStreams(RenderPass pass)
    {
        _view.FlushStreams();
        foreach (var component in pass.Components)
        {
            component.State.Instance.FlushStreams();
        }
    }

    private static void WriteEffects(Utf8JsonWriter writer, ClientEffects effects, BrowserSnapshot? snapshot)
    {
        if (effects.Events.Count > 0 || snapshot is not null)
        {
            writer.WriteStartArray(WireKeys.Events);
            foreach (var (name, payload) in effects.Events)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                WritePayload(writer, payload);
                writer.WriteEndArray();
            }
            snapshot?.WriteEvent(writer);
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

    private static partial class Log
    {
        [LoggerMessage(2102, LogLevel.Warning, "Restored {Component} without members whose name or type changed since the snapshot: {Members}.", EventName = nameof(MembersDropped))]
        public static partial void MembersDropped(ILogger logger, string component, string members);

        [LoggerMessage(2101, LogLevel.Debug, "SendUpdate to {Component} '{Id}' skipped: it is not rendered.", EventName = nameof(UpdateForMissingComponent))]
        public static partial void UpdateForMissingComponent(ILogger logger, string component, string id);
    }
}
