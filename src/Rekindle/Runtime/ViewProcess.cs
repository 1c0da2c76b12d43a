using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.Rendering;
using Rekindle.Transport;
using Rekindle.Hosting;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// One joined view: a bounded, single-reader mailbox and the loop that drains it, so the view's code
/// never runs concurrently with itself and replies leave in the order their pushes arrived
/// (liveview-protocol.md §5.5). An exception from view code ends this view alone: it is logged, the
/// client gets <c>phx_error</c> (and rejoins, §7.3), and the socket frees the topic.
/// </summary>
internal sealed partial class ViewProcess : IViewRuntime
{
    /// <summary>The client's built-in event that clears the flash, all of it or the kind in <c>key</c> (§5.5).</summary>
    private const string ClearFlashEvent = "lv:clear-flash";

    private readonly Channel<ViewMessage> _mailbox;
    private readonly IFrameSink _sink;
    private readonly ViewJoiner _joiner;
    private readonly SnapshotService _snapshots;
    private readonly TopicCursors _topics;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly RuntimeOptions _options;
    private readonly SocketSession _session;
    private readonly ILogger _logger;
    private readonly FrameWriter _frames = new();
    private readonly LazyObjectWriter _diffOutput = new();
    private readonly CancellationTokenSource _stopping = new();
    private LiveView? _view;
    private RenderSession? _render;
    private ViewRecorder? _recorder;
    private ViewNavigator? _navigator;
    private readonly LiveRouteTable _routes;
    private readonly FlashTokens _flashTokens;
    private AsyncServiceScope? _scope;
    private Task _loop = Task.CompletedTask;

    public ViewProcess(string topic, string joinRef, IFrameSink sink, ViewJoiner joiner, SnapshotService snapshots, TopicCursors topics, LiveRouteTable routes, FlashTokens flashTokens, TimeProvider time, SocketSession session, RuntimeOptions options, ILogger logger)
    {
        _routes = routes;
        _flashTokens = flashTokens;
        _snapshots = snapshots;
        _topics = topics;
        _time = time;
        _options = options;
        Topic = topic;
        JoinRef = joinRef;
        _sink = sink;
        _joiner = joiner;
        _session = session;
        _logger = logger;
        _mailbox = Channel.CreateBounded<ViewMessage>(new BoundedChannelOptions(options.MailboxCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Topic { get; }

    public string JoinRef { get; }

    public Task Completion => _loop;

    /// <summary>Read by the socket when a client joins an upload channel; thread-safe.</summary>
    public UploadTransfers Transfers { get; } = new();

    public void Start(JoinMessage join)
    {
        _mailbox.Writer.TryWrite(join);
        // The loop handles its own exceptions (RunAsync catches everything), so nobody awaits it but Stop.
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues a message; waits while the mailbox is full. False when the view has ended meanwhile
    /// (a frame racing a redirect or a crash, before the socket freed the topic): the message is dropped.
    /// </summary>
    public async ValueTask<bool> PostAsync(ViewMessage message, CancellationToken cancellationToken)
    {
        while (await _mailbox.Writer.WaitToWriteAsync(cancellationToken))
        {
            if (_mailbox.Writer.TryWrite(message))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lets the loop finish the queued messages, then end.</summary>
    public void Complete() => _mailbox.Writer.TryComplete();

    /// <summary>Ends the loop after the message being handled; queued messages are dropped.</summary>
    public void Stop()
    {
        _mailbox.Writer.TryComplete();
        _stopping.Cancel();
    }

    private async Task RunAsync()
    {
        var viewName = "(joining)";
        try
        {
            await foreach (var message in _mailbox.Reader.ReadAllAsync(_stopping.Token))
            {
                viewName = _view?.GetType().Name ?? viewName;
                if (!await HandleAsync(message).AsTask().WaitAsync(_options.HandlerTimeout, _time))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (TimeoutException)
        {
            Log.HandlerTimedOut(_logger, _view?.GetType().Name ?? viewName, Topic, _options.HandlerTimeout);
            _stopping.Cancel();
            _sink.Send(_frames.Push(JoinRef, Topic, ProtocolNames.Error, "view crashed"));
        }
        catch (Exception exception)
        {
            Log.ViewCrashed(_logger, exception, _view?.GetType().Name ?? viewName, Topic);
            _sink.Send(_frames.Push(JoinRef, Topic, ProtocolNames.Error, "view crashed"));
        }
        finally
        {
            _mailbox.Writer.TryComplete();
            _sink.ViewEnded(this);
            await DisposeViewAsync();
        }
    }

    public void Subscribe(string topic) => _subscriptions.Add(_topics.Subscribe(topic, message => PostInfo(new BroadcastMessage(message), message.Message)));

    public void SendAfter(object message, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The timer ends with the view (the token), and posting never throws, so nobody awaits it.
        _ = Task.Delay(delay, _time, _stopping.Token).ContinueWith(
            _ => PostInfo(new InfoMessage(message), message), _stopping.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>
    /// Queues a server-side message without waiting: a broadcaster must never block on a slow view.
    /// When the mailbox is full the message is dropped and a warning names the view (documented
    /// overflow policy; raise Rekindle:Runtime:MailboxCapacity or broadcast less).
    /// </summary>
    private void PostInfo(ViewMessage info, object message)
    {
        if (!_mailbox.Writer.TryWrite(info) && !_stopping.IsCancellationRequested)
        {
            Log.MailboxFull(_logger, _view?.GetType().Name ?? "(joining)", Topic, message.GetType().Name);
        }
    }

    /// <summary>Ends the view's life: a view implementing IAsyncDisposable/IDisposable is disposed, then its DI scope.</summary>
    private async ValueTask DisposeViewAsync()
    {
        Transfers.DeleteAll();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        try
        {
            switch (_view)
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
            Log.ViewCrashed(_logger, exception, _view?.GetType().Name ?? "(none)", Topic);
        }
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }
    }

    /// <summary>Handles one message; returns false when the view ends.</summary>
    private async ValueTask<bool> HandleAsync(ViewMessage message)
    {
        switch (message)
        {
            case JoinMessage join:
                return await JoinAsync(join);
            case LeaveMessage leave:
                _sink.Send(_frames.OkReply(JoinRef, leave.Ref, Topic));
                return false;
            case ClientPushMessage push when _view is not null && _render is not null:
                return await HandlePushAsync(_view, _render, push);
            case InfoMessage info when _view is not null && _render is not null:
                return await HandleInfoAsync(_view, _render, info.Message);
            case BroadcastMessage broadcast when _view is not null && _render is not null:
                return !_topics.Advance(broadcast.Broadcast) || await HandleInfoAsync(_view, _render, broadcast.Broadcast.Message);
            default:
                return true;
        }
    }

    private async ValueTask<bool> HandleInfoAsync(LiveView view, RenderSession render, object message)
    {
        view.Effects.Clear();
        await view.HandleInfoAsync(message);
        if (!await NavigateAsync(view, messageRef: null))
        {
            return false;
        }
        await SendDiffPushAsync(render);
        return true;
    }

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

    /// <summary>Carries out the navigation the last handler asked for; false when the view ends (§8.4).</summary>
    private ValueTask<bool> NavigateAsync(LiveView view, string? messageRef) =>
        _navigator!.ApplyAsync(view, messageRef); // set with _render at join

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
