using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Transport;
using Rekindle.Views;

namespace Rekindle.Runtime;

internal sealed partial class ViewProcess
{
    private async ValueTask<bool> JoinAsync(JoinMessage join)
    {
        var result = await _joiner.JoinAsync(Topic, join.Payload, _session, this, _stopping.Token);
        if (result.StoreUnavailable)
        {
            // An error reply would make the client reload the page and lose the state for good (§3.5);
            // a closed socket makes it reconnect with back-off and rejoin, maybe on another node.
            _sink.Reconnect("state store unavailable");
            return false;
        }
        if (result.View is null)
        {
            _sink.Send(result.Navigation is { } navigation
                ? MountRedirectReply(join.Ref, navigation, result.FlashToken)
                : _frames.ErrorReply(JoinRef, join.Ref, Topic, result.ErrorReason ?? "join crashed"));
            return false;
        }
        _view = result.View;
        _scope = result.Scope;
        IReadOnlyList<PubSubMessage> replay;
        try
        {
            _render = new RenderSession(_view, result.Scope!.Value.ServiceProvider, _options.MaxComponentsPerView, _logger); // a joined view always comes with its scope
            _recorder = new ViewRecorder(_snapshots, _view, result.ViewId, result.BrowserSessionId, _topics, _logger);
            _navigator = new ViewNavigator(_routes, result.LiveSession, result.Url!, new ViewOutput(_sink, JoinRef, Topic), _flashTokens, result.BrowserSessionId); // a joined view always has its URL
            replay = result.Snapshot is { } snapshot ? await RestoreAsync(_view, _render, _recorder, snapshot) : [];
            await _recorder.AnchorAsync(_render.Components, _stopping.Token);
            if (result.SnapshotMissReason is { } missed && _recorder.HasRecoverableMembers)
            {
                Log.StateNotRestored(_logger, _view.GetType().Name, Topic, missed);
                await _view.OnStateNotRestoredAsync(missed);
            }
            var pass = await _render.RenderAsync();
            _recorder.Baseline(_render.Components);
            var json = _frames.BeginReply(JoinRef, join.Ref, Topic, ok: true);
            json.WriteStartObject(ProtocolNames.Rendered);
            _render.WriteFull(json, pass);
            json.WriteEndObject();
            json.WriteString(ProtocolNames.Version, ProtocolNames.LiveViewVersion);
            if (result.LivePatch is { } patch)
            {
                json.WritePropertyName(NavigationJson.LivePatchKey);
                NavigationJson.WriteTarget(json, patch, flashToken: null);
            }
            _sink.Send(Bounded(_frames.EndReply()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The client is waiting for a join reply: a generic error makes it retry, then reload (§3.5).
            Log.ViewCrashed(_logger, exception, _view.GetType().Name, Topic);
            _sink.Send(_frames.ErrorReply(JoinRef, join.Ref, Topic, "join crashed"));
            return false;
        }
        Log.ViewJoined(_logger, _view.GetType().Name, Topic);
        foreach (var missed in replay)
        {
            if (!await HandleInfoAsync(_view, _render!, missed.Message)) // set above
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A mount that navigated answers the join with an error reply naming the target; the client follows it (§3.5).</summary>
    private byte[] MountRedirectReply(string? joinMessageRef, NavigationRequest navigation, string? flashToken)
    {
        var json = _frames.BeginReply(JoinRef, joinMessageRef, Topic, ok: false);
        json.WritePropertyName(NavigationJson.KeyOf(navigation));
        NavigationJson.WriteTarget(json, navigation, flashToken);
        return _frames.EndReply();
    }

    /// <summary>Applies the snapshot and catches up on the view's topics; returns the missed messages to replay after the join reply.</summary>
    private async ValueTask<IReadOnlyList<PubSubMessage>> RestoreAsync(LiveView view, RenderSession render, ViewRecorder recorder, ViewSnapshot snapshot)
    {
        try
        {
            if (recorder.Restore(snapshot, render.Components))
            {
                var catchUp = await _topics.CatchUpAsync(_stopping.Token);
                await view.OnRestoredAsync(new Restoration(catchUp.Replay.Count, catchUp.LostTopics));
                Log.ViewRestored(_logger, view.GetType().Name, Topic, snapshot.Generation, catchUp.Replay.Count, catchUp.LostTopics.Count);
                return catchUp.Replay;
            }
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            Log.RestoreFailed(_logger, exception, view.GetType().Name, Topic);
        }
        return [];
    }
}
