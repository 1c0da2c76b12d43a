using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.Telemetry;
using Rekindle.Uploads;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// A view after its join: the view, its DI scope, what the client holds of it (render session), its
/// recovery (recorder) and its URL (navigator), all present for its whole life. Handles the messages
/// that follow the join on the view's loop, one at a time: client pushes, broadcasts and timers.
/// </summary>
internal sealed class JoinedView(LiveView view, AsyncServiceScope scope, RenderSession render, ViewRecorder recorder, ViewNavigator navigator, TopicCursors topics, ViewOutput output, IViewRuntime runtime, ActivityContext connection, RekindleMetrics metrics, RuntimeOptions options, ILogger logger) : IAsyncDisposable
{
    private readonly FrameWriter _frames = new();
    private readonly ViewEvents _events = new(output, logger);

    public string Name => view.GetType().Name;

    /// <summary>The view's full type name, as spans and metrics carry it.</summary>
    public string TypeName { get; } = RekindleActivities.ViewName(view.GetType());

    public DiffReplies Replies { get; } = new(view, render, recorder, output, options, runtime.Cancellation);

    /// <summary>Handles one message after the join, in a span of its own; returns false when the view ends.</summary>
    public async ValueTask<bool> HandleAsync(ViewMessage message)
    {
        using var activity = StartSpan(message);
        try
        {
            return message switch
            {
                ClientPushMessage push => await HandlePushAsync(push, activity),
                InfoMessage info => await HandleInfoAsync(info.Message),
                BroadcastMessage broadcast => !topics.Advance(broadcast.Broadcast) || await HandleInfoAsync(broadcast.Broadcast.Message),
                HotReloadMessage reload => await ApplyHotReloadAsync(reload.Kind),
                AsyncOutcomeMessage outcome => await HandleAsyncOutcomeAsync(outcome),
                UploadFailedMessage failed => await HandleUploadFailedAsync(failed),
                _ => true,
            };
        }
        catch (Exception exception)
        {
            RekindleActivities.Fail(activity, exception);
            throw;
        }
    }

    /// <summary>Handles the broadcasts missed while the view was away, after its join reply.</summary>
    public async ValueTask<bool> ReplayAsync(IReadOnlyList<PubSub.PubSubMessage> missed)
    {
        foreach (var message in missed)
        {
            using var activity = StartBroadcastSpan(message.Topic);
            activity?.SetTag(TelemetryTags.Replayed, true);
            try
            {
                if (!await HandleInfoAsync(message.Message))
                {
                    return false;
                }
            }
            catch (Exception exception)
            {
                RekindleActivities.Fail(activity, exception);
                throw;
            }
        }
        return true;
    }

    private Activity? StartSpan(ViewMessage message)
    {
        switch (message)
        {
            case ClientPushMessage { Event: ProtocolNames.Event }:
                return RekindleActivities.StartLinked("rekindle.event", ActivityKind.Server, connection, TypeName, output.Topic);
            case ClientPushMessage { Event: ProtocolNames.LivePatch }:
                return RekindleActivities.StartLinked("rekindle.live_patch", ActivityKind.Server, connection, TypeName, output.Topic);
            case InfoMessage info:
                var activity = RekindleActivities.StartLinked("rekindle.info", ActivityKind.Internal, connection, TypeName, output.Topic);
                activity?.SetTag(TelemetryTags.MessageType, info.Message.GetType().FullName);
                return activity;
            case BroadcastMessage broadcast:
                return StartBroadcastSpan(broadcast.Broadcast.Topic);
            default:
                return null;
        }
    }

    private Activity? StartBroadcastSpan(string topic)
    {
        var activity = RekindleActivities.StartLinked("rekindle.broadcast", ActivityKind.Consumer, connection, TypeName, output.Topic);
        activity?.SetTag(TelemetryTags.MessagingSystem, "rekindle");
        activity?.SetTag(TelemetryTags.MessagingDestination, topic);
        activity?.SetTag(TelemetryTags.MessagingOperation, "process");
        return activity;
    }

    private async ValueTask<bool> HandlePushAsync(ClientPushMessage push, Activity? activity)
    {
        switch (push.Event)
        {
            case ProtocolNames.Event:
                var started = Stopwatch.GetTimestamp();
                if (!await _events.HandleAsync(view, render, runtime.Transfers, push, activity))
                {
                    return true;
                }
                // A patch runs the view's HandleParamsAsync, so the view renders too.
                var componentsOnly = _events.HandledByComponent && view.Effects.Navigation is null;
                if (!await navigator.ApplyAsync(view, push.Ref))
                {
                    return false;
                }
                await Replies.ReplyWithDiffAsync(push.Ref, componentsOnly: componentsOnly);
                metrics.EventHandled(TypeName, Stopwatch.GetElapsedTime(started));
                break;
            case ProtocolNames.LivePatch:
                return await HandleLivePatchAsync(push);
            case UploadPushes.AllowUpload or UploadPushes.Progress:
                if (UploadOwner(push.Payload) is not { } uploads)
                {
                    // The component was removed while the push was on its way (§5.4).
                    output.Sink.Send(_frames.ErrorReply(output.JoinRef, push.Ref, output.Topic, "no component for this cid"));
                    break;
                }
                var outcome = push.Event == UploadPushes.AllowUpload
                    ? UploadPushes.Preflight(uploads, push.Payload, runtime.Transfers, scope.ServiceProvider.GetRequiredService<UploadService>(), output.Topic, logger)
                    : UploadPushes.UpdateProgress(uploads, push.Payload, runtime.Transfers, logger);
                if (outcome.Error is { } uploadError)
                {
                    ViewLog.EventRejected(logger, output.Topic, uploadError);
                    output.Sink.Send(_frames.ErrorReply(output.JoinRef, push.Ref, output.Topic, uploadError));
                    break;
                }
                if (outcome.Progressed is { } progressed)
                {
                    await progressed();
                }
                await Replies.ReplyWithDiffAsync(push.Ref, outcome.WriteReply);
                break;
            case ProtocolNames.CidsWillDestroy:
                render.Components.MarkForDeletion(ReadCids(push.Payload));
                output.Sink.Send(_frames.OkReply(output.JoinRef, push.Ref, output.Topic));
                break;
            case ProtocolNames.CidsDestroyed:
                var deleted = render.Components.DeleteMarked(ReadCids(push.Payload));
                var json = _frames.BeginReply(output.JoinRef, push.Ref, output.Topic, ok: true);
                json.WriteStartArray(ProtocolNames.Cids);
                foreach (var cid in deleted)
                {
                    json.WriteNumberValue(cid);
                }
                json.WriteEndArray();
                output.Sink.Send(_frames.EndReply());
                break;
            default:
                ViewLog.UnsupportedPush(logger, push.Event, output.Topic);
                output.Sink.Send(_frames.ErrorReply(output.JoinRef, push.Ref, output.Topic, $"unsupported event '{push.Event}'"));
                break;
        }
        return true;
    }

    /// <summary>
    /// The client followed a patch link or went back/forward (§8.2, §8.5). A navigation the params
    /// handler asks for answers the <c>live_patch</c> itself, as an event's would. Returns false when the view ends.
    /// </summary>
    private async ValueTask<bool> HandleLivePatchAsync(ClientPushMessage push)
    {
        var url = push.Payload.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        view.Effects.Clear();
        // A patch the user made (link, back/forward) starts a new page state: the flash goes, as in Phoenix (§8.2).
        view.ClearFlashMessages(kind: null);
        if (url is null || !await navigator.TryPatchAsync(view, url))
        {
            navigator.ReplyLinkRedirect(push.Ref);
            return true;
        }
        if (!await navigator.ApplyAsync(view, push.Ref))
        {
            return false;
        }
        await Replies.ReplyWithDiffAsync(push.Ref);
        return true;
    }

    private async ValueTask<bool> HandleInfoAsync(object message)
    {
        view.Effects.Clear();
        await view.HandleInfoAsync(message);
        return await NavigateOrPushAsync();
    }

    /// <summary>After a change made on the server: carries out a navigation the view asked for, else pushes the diff; false when the view ends.</summary>
    private async ValueTask<bool> NavigateOrPushAsync()
    {
        if (!await navigator.ApplyAsync(view, messageRef: null))
        {
            return false;
        }
        await Replies.SendDiffPushAsync();
        return true;
    }

    /// <summary>Renders the view and every component again with the code as it is now, in full; the state stays as it was.</summary>
    private async ValueTask<bool> ApplyHotReloadAsync(HotReloadKind kind)
    {
        view.Effects.Clear();
        if (kind == HotReloadKind.Stylesheets)
        {
            view.Effects.Events.Add((HotReload.StylesheetsChangedEvent, null));
        }
        else
        {
            render.ForgetClientTree();
        }
        await Replies.SendDiffPushAsync();
        return true;
    }

    /// <summary>A custom writer failed an entry: it shows the failure until cancelled (<see cref="UploadFailures"/>).</summary>
    private async ValueTask<bool> HandleUploadFailedAsync(UploadFailedMessage failed)
    {
        view.Effects.Clear();
        return !await UploadFailures.ApplyAsync(view, render.Components, failed) || await NavigateOrPushAsync();
    }

    private async ValueTask<bool> HandleAsyncOutcomeAsync(AsyncOutcomeMessage outcome)
    {
        view.Effects.Clear();
        return !await AsyncOutcomes.ApplyAsync(outcome, render, output.Topic, logger) || await NavigateOrPushAsync();
    }

    /// <summary>
    /// The uploads an upload push is for: those of the component its <c>cid</c> names (marked to
    /// render, as progress changes what it shows), else the view's; null for a component that is gone.
    /// </summary>
    private ViewUploads? UploadOwner(JsonElement payload)
    {
        if (!payload.TryGetProperty("cid", out var cid) || !cid.TryGetInt32(out var id))
        {
            return view.UploadState;
        }
        if (render.Components.Find(id) is not { } component)
        {
            return null;
        }
        component.Dirty = true;
        return component.Instance.UploadState;
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

    public ValueTask DisposeAsync() => EndAsync(view, scope, logger, output.Topic);

    /// <summary>Ends a view's life: a view implementing IAsyncDisposable/IDisposable is disposed, then its DI scope.</summary>
    public static async ValueTask EndAsync(LiveView view, AsyncServiceScope scope, ILogger logger, string topic)
    {
        try
        {
            switch (view)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception exception)
        {
            ViewLog.ViewCrashed(logger, exception, view.GetType().Name, topic);
        }
        await scope.DisposeAsync();
    }
}
