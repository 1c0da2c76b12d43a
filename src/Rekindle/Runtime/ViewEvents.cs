using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rekindle.Telemetry;
using Rekindle.Uploads;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// A client <c>event</c> push (docs/protocol.md §5): parses it, takes the upload selections it
/// carries, and calls the handler of the view or of the component its <c>cid</c> names. Events the
/// view cannot take are answered here; a handled event is answered by the caller with the diff.
/// </summary>
internal sealed class ViewEvents(ViewOutput output, ILogger logger)
{
    /// <summary>The client's built-in event that clears the flash, all of it or the kind in <c>key</c> (§5.5).</summary>
    private const string ClearFlashEvent = "lv:clear-flash";

    private readonly FrameWriter _frames = new();

    /// <summary>The last handled event went to a component, which alone renders for it (§9).</summary>
    public bool HandledByComponent { get; private set; }

    /// <summary>True when a handler ran and the caller answers with the diff; false when the event was answered here.</summary>
    public async ValueTask<bool> HandleAsync(LiveView view, RenderSession render, UploadTransfers transfers, ClientPushMessage push, Activity? activity)
    {
        if (!EventPayloadParser.TryParse(push.Payload, out var name, out var payload, out var error))
        {
            ViewLog.EventRejected(logger, output.Topic, error);
            output.Sink.Send(_frames.ErrorReply(output.JoinRef, push.Ref, output.Topic, error));
            return false;
        }
        activity?.SetTag(TelemetryTags.Event, RekindleActivities.EventName(name));
        view.Effects.Clear();
        HandledByComponent = false;
        if (view.UploadState.PutSelections(push.Payload, transfers) is { } uploadsError)
        {
            ViewLog.EventRejected(logger, output.Topic, uploadsError);
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
                    ViewLog.EventForMissingComponent(logger, cid, output.Topic);
                    output.Sink.Send(_frames.OkReply(output.JoinRef, push.Ref, output.Topic));
                    return false;
                }
                // A form targeting a component carries that component's upload selections.
                if (component.Instance.UploadState.PutSelections(push.Payload, transfers) is { } componentUploadsError)
                {
                    ViewLog.EventRejected(logger, output.Topic, componentUploadsError);
                }
                activity?.SetTag(TelemetryTags.Component, RekindleActivities.ViewName(component.Instance.GetType()));
                await component.Instance.HandleEventAsync(name, payload);
                component.Dirty = true;
                HandledByComponent = true;
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
            ViewLog.FormEventUnhandled(logger, unhandled.TargetName, unhandled.EventName);
            output.Sink.Send(_frames.OkReply(output.JoinRef, push.Ref, output.Topic));
            return false;
        }
        catch (UnhandledEventException unhandled)
        {
            ViewLog.EventUnhandled(logger, unhandled.TargetName, unhandled.EventName);
            output.Sink.Send(_frames.ErrorReply(output.JoinRef, push.Ref, output.Topic, unhandled.Message));
            return false;
        }
        return true;
    }
}
