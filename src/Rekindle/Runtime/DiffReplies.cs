using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Telemetry;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// Renders a joined view after a handled message, records its snapshot, and sends what changed: as
/// the reply to a client push, or as an unsolicited <c>diff</c> (docs/protocol.md §4.5). The
/// browser-kept snapshot recorded from a render is an argument of that render's diff write, so it
/// travels in the frame of the diff it describes.
/// </summary>
internal sealed class DiffReplies(LiveView view, RenderSession render, ViewRecorder recorder, ViewOutput output, RuntimeOptions options, CancellationToken cancellationToken)
{
    private readonly FrameWriter _frames = new();
    private readonly LazyObjectWriter _diffOutput = new();

    /// <summary>Answers a client push with the diff; <paramref name="componentsOnly"/> renders only the changed components, not the view (a component's own event).</summary>
    public async ValueTask ReplyWithDiffAsync(string? messageRef, Action<Utf8JsonWriter>? writeReply = null, bool componentsOnly = false)
    {
        using var activity = RekindleActivities.StartChild("rekindle.render");
        var pass = await render.RenderAsync(componentsOnly);
        var snapshot = await recorder.RecordAsync(render.Components, cancellationToken);
        var json = _frames.BeginReply(output.JoinRef, messageRef, output.Topic, ok: true);
        writeReply?.Invoke(json);
        _diffOutput.Reset(json);
        _diffOutput.Enter(ProtocolNames.DiffKey);
        render.WriteDiff(_diffOutput, pass, snapshot);
        _diffOutput.Exit();
        var frame = Bounded(_frames.EndReply());
        activity?.SetTag(TelemetryTags.RenderBytes, frame.Length);
        output.Sink.Send(frame);
    }

    /// <summary>Sends the changes made outside a client push as an unsolicited <c>diff</c>, if any.</summary>
    public async ValueTask SendDiffPushAsync()
    {
        using var activity = RekindleActivities.StartChild("rekindle.render");
        var pass = await render.RenderAsync();
        var snapshot = await recorder.RecordAsync(render.Components, cancellationToken);
        var json = _frames.Begin(output.JoinRef, null, output.Topic, ProtocolNames.Diff);
        json.WriteStartObject();
        _diffOutput.Reset(json);
        render.WriteDiff(_diffOutput, pass, snapshot);
        var changed = _diffOutput.WroteAnything;
        json.WriteEndObject();
        var frame = Bounded(_frames.End());
        activity?.SetTag(TelemetryTags.RenderBytes, changed ? frame.Length : 0);
        if (changed)
        {
            output.Sink.Send(frame);
        }
    }

    public byte[] Bounded(byte[] frame) => frame.Length <= options.MaxRenderBytes
        ? frame
        : throw new RenderTooLargeException(view.GetType().Name, frame.Length, options.MaxRenderBytes);
}
