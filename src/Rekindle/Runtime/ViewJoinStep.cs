using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Routing;
using Rekindle.Telemetry;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// The first message of a view's process (docs/protocol.md §3.3): asks <see cref="IViewJoiner"/>
/// for the view, answers a refusal, a redirect or a store outage, and otherwise builds the
/// <see cref="JoinedView"/>, applies the snapshot found for it, and sends the full render.
/// </summary>
internal sealed class ViewJoinStep(ViewOutput output, SocketSession session, IViewJoiner joiner, SnapshotService snapshots, TopicCursors topics, LiveRouteTable routes, FlashTokens flashTokens, RekindleMetrics metrics, RuntimeOptions options, ILogger logger)
{
    private readonly FrameWriter _frames = new();

    /// <summary>A joined view and the broadcasts it missed while away, to handle after the join reply.</summary>
    public sealed record Joined(JoinedView View, IReadOnlyList<PubSubMessage> Missed);

    /// <summary>The joined view, or <see langword="null"/> when the join was answered otherwise and the process ends.</summary>
    public async ValueTask<Joined?> JoinAsync(IViewRuntime runtime, JoinMessage join, CancellationToken cancellationToken)
    {
        // The join is a child of the request that opened the connection; what follows it is linked (RekindleActivities.StartLinked).
        using var activity = RekindleActivities.Source.StartActivity("rekindle.join", ActivityKind.Server, session.Connection);
        activity?.SetTag(TelemetryTags.Channel, output.Topic);
        try
        {
            switch (await joiner.JoinAsync(output.Topic, join.Payload, session, runtime, cancellationToken))
            {
                case JoinResult.Mounted mounted:
                    activity?.SetTag(TelemetryTags.View, RekindleActivities.ViewName(mounted.View.GetType()));
                    var joined = await StartAsync(runtime, join, mounted, activity, cancellationToken);
                    Ended(activity, joined is null ? "crashed" : mounted.Snapshot is null ? "mounted" : "restored");
                    return joined;
                case JoinResult.Deferred:
                    // An error reply would make the client reload the page and lose the state for good (§3.5);
                    // a closed socket makes it reconnect with back-off and rejoin, maybe on another node.
                    Ended(activity, "deferred");
                    output.Sink.Reconnect("state store unavailable");
                    return null;
                case JoinResult.Redirect redirect:
                    Ended(activity, "redirected");
                    output.Sink.Send(MountRedirectReply(join.Ref, redirect.Navigation, redirect.FlashToken));
                    return null;
                case JoinResult.Refusal refusal:
                    Ended(activity, "refused");
                    output.Sink.Send(_frames.ErrorReply(output.JoinRef, join.Ref, output.Topic, refusal.Reason));
                    return null;
                default:
                    throw new InvalidOperationException("Expected one of the four join results.");
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A mount that threw ends the view's process (ViewProcess logs it); the span and the count say so too.
            RekindleActivities.Fail(activity, exception);
            Ended(activity, "crashed");
            throw;
        }
    }

    private void Ended(Activity? activity, string result)
    {
        activity?.SetTag(TelemetryTags.JoinResult, result);
        metrics.Joined(result);
    }

    private async ValueTask<Joined?> StartAsync(IViewRuntime runtime, JoinMessage join, JoinResult.Mounted mounted, Activity? activity, CancellationToken cancellationToken)
    {
        var view = mounted.View;
        JoinedView joined;
        IReadOnlyList<PubSubMessage> missed;
        try
        {
            var render = new RenderSession(view, mounted.Scope.ServiceProvider, options.MaxComponentsPerView, logger);
            var recorder = new ViewRecorder(snapshots, view, mounted.ViewId, mounted.BrowserSessionId, topics, logger, mounted.HandoffId);
            var navigator = new ViewNavigator(routes, mounted.LiveSession, mounted.Url, output, flashTokens, mounted.BrowserSessionId, mounted.Nested, mounted.Sticky);
            joined = new JoinedView(view, mounted.Scope, render, recorder, navigator, topics, output, runtime, session.Connection, metrics, options, logger);
            missed = mounted.Snapshot is { } snapshot ? await RestoreAsync(view, render, recorder, snapshot, mounted.SeededFromHandoff, cancellationToken) : [];
            var anchor = await recorder.AnchorAsync(render.Components, cancellationToken);
            if (mounted.SnapshotMissReason is { } missReason && recorder.HasRecoverableMembers)
            {
                ViewLog.StateNotRestored(logger, view.GetType().Name, output.Topic, missReason);
                await view.OnStateNotRestoredAsync(missReason);
            }
            using var rendering = RekindleActivities.StartChild("rekindle.render");
            var pass = await render.RenderAsync();
            recorder.Baseline(render.Components);
            var json = _frames.BeginReply(output.JoinRef, join.Ref, output.Topic, ok: true);
            json.WriteStartObject(ProtocolNames.Rendered);
            render.WriteFull(json, pass, anchor);
            json.WriteEndObject();
            json.WriteString(ProtocolNames.Version, ProtocolNames.LiveViewVersion);
            if (mounted.Container is { } container)
            {
                // The client replaces the kept element's tag and attributes with these, except id and data-phx-* (§8.3).
                json.WriteStartArray(ProtocolNames.Container);
                json.WriteStringValue(container.Tag);
                json.WriteStartObject();
                foreach (var (name, value) in container.Attributes)
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
                json.WriteEndArray();
            }
            if (mounted.LivePatch is { } patch)
            {
                json.WritePropertyName(NavigationJson.LivePatchKey);
                NavigationJson.WriteTarget(json, patch, flashToken: null);
            }
            var reply = joined.Replies.Bounded(_frames.EndReply());
            rendering?.SetTag(TelemetryTags.RenderBytes, reply.Length);
            output.Sink.Send(reply);
        }
        catch (OperationCanceledException)
        {
            await JoinedView.EndAsync(view, mounted.Scope, logger, output.Topic);
            throw;
        }
        catch (Exception exception)
        {
            // The client is waiting for a join reply: a generic error makes it retry, then reload (§3.5).
            ViewLog.ViewCrashed(logger, exception, view.GetType().Name, output.Topic);
            RekindleActivities.Fail(activity, exception);
            metrics.Crashed(RekindleActivities.ViewName(view.GetType()));
            if (mounted.Snapshot is not null)
            {
                session.RestoreCrashed(output.Topic);
            }
            output.Sink.Send(_frames.ErrorReply(output.JoinRef, join.Ref, output.Topic, "join crashed"));
            await JoinedView.EndAsync(view, mounted.Scope, logger, output.Topic);
            return null;
        }
        ViewLog.ViewJoined(logger, joined.Name, output.Topic);
        return new Joined(joined, missed);
    }

    /// <summary>A mount that navigated answers the join with an error reply naming the target; the client follows it (§3.5).</summary>
    private byte[] MountRedirectReply(string? joinMessageRef, NavigationRequest navigation, string? flashToken)
    {
        var json = _frames.BeginReply(output.JoinRef, joinMessageRef, output.Topic, ok: false);
        json.WritePropertyName(NavigationJson.KeyOf(navigation));
        NavigationJson.WriteTarget(json, navigation, flashToken);
        return _frames.EndReply();
    }

    /// <summary>Applies the snapshot and catches up on the view's topics; returns the missed messages to replay after the join reply.</summary>
    private async ValueTask<IReadOnlyList<PubSubMessage>> RestoreAsync(LiveView view, RenderSession render, ViewRecorder recorder, ViewSnapshot snapshot, bool fromHandoff, CancellationToken cancellationToken)
    {
        using var activity = RekindleActivities.StartChild("rekindle.snapshot.restore");
        try
        {
            if (recorder.Restore(snapshot, render.Components, fromHandoff))
            {
                var catchUp = await topics.CatchUpAsync(cancellationToken);
                await view.OnRestoredAsync(new Restoration(catchUp.Replay.Count, catchUp.LostTopics));
                ViewLog.ViewRestored(logger, view.GetType().Name, output.Topic, snapshot.Generation, catchUp.Replay.Count, catchUp.LostTopics.Count);
                activity?.SetTag(TelemetryTags.Replayed, catchUp.Replay.Count);
                return catchUp.Replay;
            }
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            ViewLog.RestoreFailed(logger, exception, view.GetType().Name, output.Topic);
            RekindleActivities.Fail(activity, exception);
        }
        return [];
    }
}
