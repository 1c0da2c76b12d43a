using Rekindle.Views;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    /// <summary>The client's built-in event that clears the flash, all of it or the kind in <c>key</c> (§5.5).</summary>
    private const string ClearFlashEvent = "lv:clear-flash";

    private async ValueTask<bool> HandleEventAsync(LiveView view, RenderSession render, ClientPushMessage push)
    {
        if (!EventPayloadParser.TryParse(push.Payload, out var name, out var payload, out var error))
        {
            Log.EventRejected(_logger, Topic, error);
            _sink.Send(_frames.ErrorReply(JoinRef, push.Ref, Topic, error));
            return true;
        }
        view.Effects.Clear();
        if (view.UploadState.PutSelections(push.Payload, Transfers) is { } uploadsError)
        {
            Log.EventRejected(_logger, Topic, uploadsError);
        }
        try
        {
            if (name == ClearFlashEvent)
            {
                view.ClearFlashMessages(payload.GetString("key"));
            }
            else if (payload.Cid is { } cid)
            {
                if (render.Components.Find(cid) is not { } component)
                {
                    // The component was removed while the event was on its way (§5.4): not an error.
                    Log.EventForMissingComponent(_logger, cid, Topic);
                    _sink.Send(_frames.OkReply(JoinRef, push.Ref, Topic));
                    return true;
                }
                await component.Instance.HandleEventAsync(name, payload);
                component.Dirty = true;
            }
            else
            {
                await view.HandleEventAsync(name, payload);
            }
        }
        catch (UnhandledEventException unhandled) when (payload.Form is not null)
        {
            // An error reply to a form event blocks the client's form recovery forever (§7.6), so a
            // missing phx-change or phx-auto-recover handler is answered ok and logged loudly instead.
            Log.FormEventUnhandled(_logger, unhandled.TargetName, unhandled.EventName);
            _sink.Send(_frames.OkReply(JoinRef, push.Ref, Topic));
            return true;
        }
        catch (UnhandledEventException unhandled)
        {
            Log.EventUnhandled(_logger, unhandled.TargetName, unhandled.EventName);
            _sink.Send(_frames.ErrorReply(JoinRef, push.Ref, Topic, unhandled.Message));
            return true;
        }
        if (!await NavigateAsync(view, push.Ref))
        {
            return false;
        }
        await ReplyWithDiffAsync(render, push.Ref);
        return true;
    }

    /// <summary>Carries out the navigation the last handler asked for; false when the view ends (§8.4).</summary>
    private ValueTask<bool> NavigateAsync(LiveView view, string? messageRef) =>
        _navigator!.ApplyAsync(view, messageRef); // set with _render at join
}
