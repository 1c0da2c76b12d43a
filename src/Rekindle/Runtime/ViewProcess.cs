using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.Hosting;
using Rekindle.Recovery;
using Rekindle.Rendering;
using Rekindle.Transport;
using Rekindle.Uploads;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// One joined view: a bounded, single-reader mailbox and the loop that drains it, so the view's code
/// never runs concurrently with itself and replies leave in the order their pushes arrived
/// (liveview-protocol.md §5.5). An exception from view code ends this view alone: it is logged, the
/// client gets <c>phx_error</c> (and rejoins, §7.3), and the socket frees the topic. The partial files
/// beside this one hold the handlers by job: Join, Pushes and Events (client pushes), ServerMessages
/// (broadcasts and timers), Replies (diff frames).
/// </summary>
internal sealed partial class ViewProcess : IViewRuntime
{
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
            case HotReloadMessage reload when _view is not null && _render is not null:
                return await ApplyHotReloadAsync(_view, _render, reload.Kind);
            case BroadcastMessage broadcast when _view is not null && _render is not null:
                return !_topics.Advance(broadcast.Broadcast) || await HandleInfoAsync(_view, _render, broadcast.Broadcast.Message);
            default:
                return true;
        }
    }
}
