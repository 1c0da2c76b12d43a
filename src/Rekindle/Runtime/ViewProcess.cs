using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using Rekindle.Uploads;
using Rekindle.Views;
using Rekindle.Wire;

namespace Rekindle.Runtime;

/// <summary>
/// One joined view's mailbox, its loop and its crash policy: a bounded, single-reader mailbox drained
/// one message at a time, so the view's code never runs concurrently with itself and replies leave in
/// the order their pushes arrived (docs/protocol.md §5.5). The first message is the join
/// (<see cref="ViewJoinStep"/>); what follows goes to the <see cref="JoinedView"/> it produced.
/// An exception from view code ends this view alone: it is logged, the client gets <c>phx_error</c>
/// (and rejoins, §7.3), and the socket frees the topic. A handler running past
/// <see cref="RuntimeOptions.HandlerTimeout"/> is cancelled through <see cref="Cancellation"/> and the
/// view ends the same way, but its DI scope is disposed only once the handler has returned.
/// </summary>
internal sealed class ViewProcess : IViewRuntime
{
    private readonly Channel<ViewMessage> _mailbox;
    private readonly IFrameSink _sink;
    private readonly ViewJoinStep _joinStep;
    private readonly TopicCursors _topics;
    private readonly AsyncWorkTracker _asyncWork;
    private readonly IPresence _presence;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly RuntimeOptions _options;
    private readonly CrashNotice _crashNotice;
    private readonly ILogger _logger;
    private readonly FrameWriter _frames = new();
    private readonly CancellationTokenSource _stopping = new();
    private JoinedView? _joined;
    private Task _loop = Task.CompletedTask;

    public ViewProcess(string topic, string joinRef, IFrameSink sink, ViewJoinStep joinStep, TopicCursors topics, AsyncWorkTracker asyncWork, IPresence presence, TimeProvider time, RuntimeOptions options, CrashNotice crashNotice, ILogger logger)
    {
        _asyncWork = asyncWork;
        Topic = topic;
        JoinRef = joinRef;
        _sink = sink;
        _joinStep = joinStep;
        _topics = topics;
        _presence = presence;
        _time = time;
        _options = options;
        _crashNotice = crashNotice;
        _logger = logger;
        Transfers = new(logger) { WriterFailed = (upload, entry, reason) => _ = PostAsync(new UploadFailedMessage(upload, entry, reason), CancellationToken.None).AsTask() };
        _mailbox = Channel.CreateBounded<ViewMessage>(new BoundedChannelOptions(options.MailboxCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Topic { get; }

    public string JoinRef { get; }
    public Task Completion => _loop;

    /// <summary>Read by the socket when a client joins an upload channel; thread-safe. A writer's failure comes to the loop as a message.</summary>
    public UploadTransfers Transfers { get; }

    /// <summary>Cancelled when the view ends: leave, navigation away, a closed socket, shutdown, or a handler past its timeout.</summary>
    public CancellationToken Cancellation => _stopping.Token;

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

    /// <summary>Ends the loop after the message being handled, whose token is cancelled; queued messages are dropped.</summary>
    public void Stop()
    {
        _mailbox.Writer.TryComplete();
        CancelStopping();
    }

    public void Subscribe(string topic) => _subscriptions.Add(_topics.Subscribe(topic, message => PostInfo(new BroadcastMessage(message), message.Message)));

    public IPresenceTracking TrackPresence(string topic, string key, IReadOnlyDictionary<string, string> meta)
    {
        var tracking = _presence.Track(topic, key, meta);
        _subscriptions.Add(tracking);
        return tracking;
    }

    public void SubscribePresence(string topic) => _subscriptions.Add(_presence.Subscribe(topic, diff => PostInfo(new InfoMessage(diff), diff)));

    public IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> ListPresence(string topic) => _presence.List(topic);

    public void SendAfter(object message, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The timer ends with the view (the token), and posting never throws, so nobody awaits it.
        _ = Task.Delay(delay, _time, _stopping.Token).ContinueWith(
            _ => PostInfo(new InfoMessage(message), message), _stopping.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    public void AsyncWorkStarted() => _asyncWork.Started(Topic, JoinRef);

    public async ValueTask PostOutcomeAsync(LiveTemplate owner, AsyncOutcome outcome)
    {
        // Waits rather than drops: a dropped outcome would leave the page loading forever.
        await PostAsync(new AsyncOutcomeMessage(owner, outcome), CancellationToken.None);
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
            ViewLog.MailboxFull(_logger, ViewName, Topic, message.GetType().Name);
        }
    }

    /// <summary>Under dotnet watch, an applied edit reaches the joined view through its mailbox like any other message.</summary>
    private void SubscribeToHotReload()
    {
        if (HotReload.IsActive)
        {
            _subscriptions.Add(HotReload.Subscribe(kind =>
            {
                var message = new HotReloadMessage(kind);
                PostInfo(message, message);
            }));
        }
    }

    private string ViewName => _joined?.Name ?? "(joining)";

    /// <summary>Cancels the view's token; a callback the view registered on it that throws is the view's crash, not its caller's.</summary>
    private void CancelStopping()
    {
        try
        {
            _stopping.Cancel();
        }
        catch (AggregateException exception)
        {
            ViewLog.ViewCrashed(_logger, exception, ViewName, Topic);
        }
    }

    private async Task RunAsync()
    {
        // The loop was started from the socket's request, whose span would otherwise parent every span
        // of this view for the socket's whole life; the view's spans link to it instead (RekindleActivities.StartLinked).
        Activity.Current = null;
        Task? unfinished = null;
        try
        {
            await foreach (var message in _mailbox.Reader.ReadAllAsync(_stopping.Token))
            {
                var handled = HandleAsync(message);
                if (handled.IsCompletedSuccessfully && handled.Result)
                {
                    // Done without waiting (a click whose snapshot committed on this thread): no timeout timer to arm.
                    continue;
                }
                var handling = handled.AsTask();
                try
                {
                    if (!await handling.WaitAsync(_options.HandlerTimeout, _time))
                    {
                        break;
                    }
                }
                catch (TimeoutException) when (!handling.IsCompleted)
                {
                    unfinished = handling;
                    CancelStopping();
                    ViewLog.HandlerTimedOut(_logger, ViewName, Topic, _options.HandlerTimeout);
                    _crashNotice.Send(_joined, $"The handler ran past Rekindle:Runtime:HandlerTimeout ({_options.HandlerTimeout}) and was cancelled.");
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            ViewLog.ViewCrashed(_logger, exception, ViewName, Topic);
            _crashNotice.Send(_joined, exception.ToString());
        }
        finally
        {
            _mailbox.Writer.TryComplete();
            // However the view ended (leave, navigation away, crash), what still holds its token stops: timers, work the view started.
            CancelStopping();
            _sink.ViewEnded(this);
            if (unfinished is null)
            {
                await EndAsync();
            }
            else
            {
                // EndAfterAsync observes the handler's outcome and logs its own failures, so nobody awaits it.
                _ = EndAfterAsync(unfinished);
            }
        }
    }

    /// <summary>Handles one message; returns false when the view ends.</summary>
    private async ValueTask<bool> HandleAsync(ViewMessage message)
    {
        switch (message)
        {
            case JoinMessage join:
                if (await _joinStep.JoinAsync(this, join, _stopping.Token) is not { } joined)
                {
                    return false;
                }
                _joined = joined.View;
                SubscribeToHotReload();
                return await joined.View.ReplayAsync(joined.Missed);
            case LeaveMessage leave:
                // Phoenix answers a leave and then closes the channel (docs/protocol.md §1.5).
                _sink.Send(_frames.OkReply(JoinRef, leave.Ref, Topic));
                _sink.Send(_frames.Close(JoinRef, Topic));
                return false;
            case AsyncOutcomeMessage { Outcome.WorkEnded: true } outcome:
                var goesOn = _joined is null || await _joined.HandleAsync(message);
                _asyncWork.Finished(Topic, JoinRef);
                return goesOn;
            default:
                return _joined is null || await _joined.HandleAsync(message);
        }
    }

    /// <summary>A handler past its timeout keeps the view's scope until it returns: disposing services under running code would turn a slow handler into a crash of the code it calls.</summary>
    private async Task EndAfterAsync(Task handler)
    {
        try
        {
            await handler;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            ViewLog.ViewCrashed(_logger, exception, ViewName, Topic);
        }
        try
        {
            await EndAsync();
        }
        catch (Exception exception)
        {
            ViewLog.ViewCrashed(_logger, exception, ViewName, Topic);
        }
    }

    /// <summary>Ends the view's life: its uploads' temp files and subscriptions go, then the view and its DI scope.</summary>
    private async Task EndAsync()
    {
        _asyncWork.Forget(Topic, JoinRef);
        Transfers.DeleteAll();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
        if (_joined is not null)
        {
            await _joined.DisposeAsync();
        }
    }
}
