using System.Text.Json;
using Rekindle.Wire;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    private async ValueTask ReplyWithDiffAsync(RenderSession render, string? messageRef, Action<Utf8JsonWriter>? writeReply = null)
    {
        var pass = await render.RenderAsync();
        await _recorder!.RecordAsync(render.Components, _stopping.Token); // set with _render at join
        var json = _frames.BeginReply(JoinRef, messageRef, Topic, ok: true);
        writeReply?.Invoke(json);
        _diffOutput.Reset(json);
        _diffOutput.Enter(ProtocolNames.DiffKey);
        render.WriteDiff(_diffOutput, pass);
        _diffOutput.Exit();
        _sink.Send(Bounded(_frames.EndReply()));
    }

    /// <summary>Sends the changes made outside a client push as an unsolicited <c>diff</c>, if any.</summary>
    private async ValueTask SendDiffPushAsync(RenderSession render)
    {
        var pass = await render.RenderAsync();
        await _recorder!.RecordAsync(render.Components, _stopping.Token); // set with _render at join
        var json = _frames.Begin(JoinRef, null, Topic, ProtocolNames.Diff);
        json.WriteStartObject();
        _diffOutput.Reset(json);
        render.WriteDiff(_diffOutput, pass);
        var changed = _diffOutput.WroteAnything;
        json.WriteEndObject();
        var frame = Bounded(_frames.End());
        if (changed)
        {
            _sink.Send(frame);
        }
    }

    private byte[] Bounded(byte[] frame) => frame.Length <= _options.MaxRenderBytes
        ? frame
        : throw new RenderTooLargeException(_view?.GetType().Name ?? "(no view)", frame.Length, _options.MaxRenderBytes);
}
