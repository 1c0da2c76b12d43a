using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Uploads;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    private async ValueTask<bool> HandlePushAsync(LiveView view, RenderSession render, ClientPushMessage push)
    {
        switch (push.Event)
        {
            case ProtocolNames.Event:
                return await HandleEventAsync(view, render, push);
            case ProtocolNames.LivePatch:
                await HandleLivePatchAsync(view, render, push);
                break;
            case UploadPushes.AllowUpload or UploadPushes.Progress:
                var outcome = push.Event == UploadPushes.AllowUpload
                    ? UploadPushes.Preflight(view.UploadState, push.Payload, Transfers, _scope!.Value.ServiceProvider.GetRequiredService<UploadService>(), Topic) // a joined view always has its scope
                    : UploadPushes.UpdateProgress(view.UploadState, push.Payload, Transfers, _logger);
                if (outcome.Error is { } uploadError)
                {
                    Log.EventRejected(_logger, Topic, uploadError);
                    _sink.Send(_frames.ErrorReply(JoinRef, push.Ref, Topic, uploadError));
                    break;
                }
                await ReplyWithDiffAsync(render, push.Ref, outcome.WriteReply);
                break;
            case ProtocolNames.CidsWillDestroy:
                render.Components.MarkForDeletion(ReadCids(push.Payload));
                _sink.Send(_frames.OkReply(JoinRef, push.Ref, Topic));
                break;
            case ProtocolNames.CidsDestroyed:
                var deleted = render.Components.DeleteMarked(ReadCids(push.Payload));
                var json = _frames.BeginReply(JoinRef, push.Ref, Topic, ok: true);
                json.WriteStartArray(ProtocolNames.Cids);
                foreach (var cid in deleted)
                {
                    json.WriteNumberValue(cid);
                }
                json.WriteEndArray();
                _sink.Send(_frames.EndReply());
                break;
            default:
                Log.UnsupportedPush(_logger, push.Event, Topic);
                _sink.Send(_frames.ErrorReply(JoinRef, push.Ref, Topic, $"unsupported event '{push.Event}'"));
                break;
        }
        return true;
    }

    /// <summary>The client followed a patch link or went back/forward (§8.2, §8.5).</summary>
    private async ValueTask HandleLivePatchAsync(LiveView view, RenderSession render, ClientPushMessage push)
    {
        var url = push.Payload.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        view.Effects.Clear();
        // A patch the user made (link, back/forward) starts a new page state: the flash goes, as in Phoenix (§8.2).
        view.ClearFlashMessages(kind: null);
        if (url is null || !await _navigator!.TryPatchAsync(view, url)) // set with _render at join
        {
            _navigator!.ReplyLinkRedirect(push.Ref);
            return;
        }
        await ReplyWithDiffAsync(render, push.Ref);
    }

    private static IEnumerable<int> ReadCids(JsonElement payload)
    {
        if (!payload.TryGetProperty("cids", out var cids) || cids.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var cid in cids.EnumerateArray())
        {
            if (cid.ValueKind == JsonValueKind.Number && cid.TryGetInt32(out var value))
            {
                yield return value;
            }
        }
    }
}
