using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Wire;
using Node = System.Collections.Generic.Dictionary<string, object?>;

namespace Rekindle.Testing;

/// <summary>
/// One view's channel as the browser client runs it: the join, event pushes and their replies,
/// pushed diffs and navigations, the merged <see cref="RenderedTree"/> and its HTML, and the
/// destruction handshake for components that left the page. <see cref="LiveViewTest"/> is its face.
/// </summary>
/// <remarks>
/// Frames are handled on the connection's reader, one at a time, under a lock that readers of the
/// state take too. An action completes after its reply's diff is merged.
/// </remarks>
internal sealed class ViewChannel : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly LiveBrowser _browser;
    private readonly DeadPage _page;
    private readonly JoinTarget _target;
    private readonly ViewPage _view;
    private readonly string _topic;
    private ChannelConnection? _connection;
    private string? _joinRef;
    private Exception? _ended;
    private TaskCompletionSource _changed = NewSignal();
    private Task _destroying = Task.CompletedTask;
    private int _generation;
    private int _joins; // successful joins: the _mounts of the next one (docs/protocol.md §7.5)

    private ViewChannel(LiveBrowser browser, DeadPage page, JoinTarget target)
    {
        _browser = browser;
        _page = page;
        _target = target;
        _topic = ProtocolNames.ViewTopicPrefix + page.ViewId;
        _view = new ViewPage(browser, target.Redirect ?? page.Url);
    }

    public string ViewId => _page.ViewId;

    /// <summary>The page this view was mounted from (its tokens, which every rejoin sends again).</summary>
    public DeadPage Page => _page;

    /// <summary>What the view received: the join's rendered tree, then each diff (for the merge's conformance tests).</summary>
    public List<string> Transcript => _view.Transcript;

    public string Html => Read(() => _view.Html);

    public string? Title => Read(() => _view.Title);

    public Uri Url => Read(() => _view.Url);

    public Exception? Ended => Read(() => _ended);

    public List<PushedEvent> Events => Read(() => _view.Events);

    public List<LiveNavigation> Navigations => Read(() => _view.Navigations);

    /// <summary>Completes at the next change of the state.</summary>
    public Task Changed => Read(() => _changed.Task);

    public async ValueTask DisposeAsync()
    {
        if (Read(() => _connection) is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Joins the page's view over a new socket. Returns the channel, or the navigation the mount
    /// answered with instead (docs/protocol.md §3.5).
    /// </summary>
    public static async Task<(ViewChannel? View, LiveNavigation? Redirect)> JoinAsync(LiveBrowser browser, DeadPage page, JoinTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var view = new ViewChannel(browser, page, target);
        var redirect = await view.ConnectAndJoinAsync(timeout, cancellationToken);
        if (redirect is not null)
        {
            await view.DisposeAsync();
            return (null, redirect);
        }
        return (view, null);
    }

    /// <summary>
    /// Drops the socket and joins the same view again on a new one, with the page's tokens and
    /// <c>_mounts</c> counting the joins so far, as the client does after a reconnect (docs/protocol.md §7.2).
    /// </summary>
    public async Task RejoinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ChannelConnection? old;
        lock (_gate)
        {
            old = _connection;
            _generation++; // the old socket's close is not this view's end
        }
        if (old is not null)
        {
            await old.DisposeAsync();
        }
        if (await ConnectAndJoinAsync(timeout, cancellationToken) is { } redirect)
        {
            NavigateAway(redirect);
            throw new LiveViewTestException($"The rejoin of {_page.Url.PathAndQuery} navigated away ({redirect.Kind} to {redirect.To}).");
        }
    }

    private async Task<LiveNavigation?> ConnectAndJoinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = await _browser.ConnectAsync(_page, cancellationToken);
        int mounts;
        string joinRef;
        ChannelConnection connection;
        lock (_gate)
        {
            // Frames of an older socket are not this join's; the reader starts only once the connection exists.
            var generation = ++_generation;
            connection = new ChannelConnection(socket, (topic, eventName, payload) => OnPush(generation, topic, eventName, payload), reason => OnClosed(generation, reason));
            (_connection, _joinRef, _ended, mounts) = (connection, joinRef = connection.NextRef(), null, _joins);
        }
        var redirect = await JoinReply.AwaitAsync(connection, joinRef, _topic, _target.Payload(_browser, _page, Url, mounts), _page, _browser, rendered =>
        {
            lock (_gate)
            {
                _view.Join(rendered);
                Signal();
            }
        }, timeout, cancellationToken);
        if (redirect is null)
        {
            Interlocked.Increment(ref _joins);
        }
        return redirect;
    }

    /// <summary>What a push needs to go out on this view's channel now; throws when the view has ended.</summary>
    public (ChannelConnection Connection, string? JoinRef, string Topic) Sender(string description)
    {
        lock (_gate)
        {
            if (_ended is { } ended)
            {
                throw new LiveViewTestException($"Cannot send {description}: {ended.Message}", ended);
            }
            return (_connection!, _joinRef, _topic); // set by the join before the view is handed out
        }
    }

    /// <summary>Completes when the destruction handshake of the components the last diff removed is over.</summary>
    public Task Destroying => Read(() => _destroying);

    /// <summary>Records a live navigation the page makes by itself (a navigate link).</summary>
    public void NavigateAway(LiveNavigation navigation)
    {
        lock (_gate)
        {
            Navigate(navigation);
            Signal();
        }
    }

    /// <summary>Handles the reply to a push: merges its diff and follows its redirect, then runs <paramref name="onOk"/> under the lock.</summary>
    public JsonElement? OnEventReply(JsonElement reply, string description, Action<JsonElement>? onOk)
    {
        var response = reply.GetProperty("response");
        if (reply.GetProperty("status").GetString() != "ok")
        {
            throw new LiveViewTestException($"The server answered {description} with an error: {response.GetRawText()}");
        }
        lock (_gate)
        {
            var result = Apply(() => _view.ApplyResponse(response));
            onOk?.Invoke(response);
            Signal();
            return result;
        }
    }

    private void OnPush(int generation, string topic, string eventName, JsonElement payload)
    {
        lock (_gate)
        {
            if (topic != _topic || generation != _generation)
            {
                return;
            }
            switch (eventName)
            {
                case ProtocolNames.Error:
                    End(new LiveViewTestException("The view crashed: the server sent phx_error (its exception is in the server's log). A browser would rejoin: call ReconnectAsync() to do the same."));
                    break;
                case ProtocolNames.Close:
                    End(new LiveViewTestException("The server closed the view's channel (phx_close)."));
                    break;
                default:
                    try
                    {
                        Apply(() => _view.ApplyPush(eventName, payload));
                    }
                    catch (LiveViewTestException)
                    {
                        // The view has ended with that reason; the next action reports it.
                    }
                    break;
            }
            Signal();
        }
    }

    private void OnClosed(int generation, Exception reason)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }
            _ended ??= reason;
            Signal();
        }
    }

    private void End(Exception reason)
    {
        _ended ??= reason;
        _connection?.FailPending(_ended);
    }

    /// <summary>Records a navigation; one away ends the view. Call it under the lock (as <see cref="OnEventReply"/>'s callback runs).</summary>
    public void Navigate(LiveNavigation navigation)
    {
        _view.Navigate(navigation);
        if (navigation.Kind != LiveNavigationKind.Patch)
        {
            Left(navigation);
        }
    }

    /// <summary>The server ends the view after a navigation away (docs/protocol.md §8.4).</summary>
    private void Left(LiveNavigation navigation) =>
        _ended ??= new LiveViewTestException($"The view navigated away ({navigation.Kind} to {navigation.To}); mount the target with LiveTest.MountAsync to go on.");

    /// <summary>Applies a reply or push to the page; one the client could not merge ends the view and throws why.</summary>
    private JsonElement? Apply(Func<(JsonElement? Reply, List<int> Gone, LiveNavigation? Away)> apply)
    {
        try
        {
            var (reply, gone, away) = apply();
            if (gone.Count > 0)
            {
                DestroyComponents(gone);
            }
            if (away is not null)
            {
                Left(away);
            }
            return reply;
        }
        catch (Exception exception) when (exception is InvalidOperationException or LiveViewTestException)
        {
            var failure = exception as LiveViewTestException
                ?? new LiveViewTestException("A diff from the server could not be merged as the client would merge it: " + exception.Message, exception);
            End(failure);
            throw failure;
        }
    }

    private void DestroyComponents(List<int> cids) =>
        _destroying = ComponentDestruction.RunAsync(_connection!, _joinRef, _topic, cids, // frames only arrive once connected
            cid => Read(() => _view.Shows(cid)),
            destroyed =>
            {
                lock (_gate)
                {
                    _view.Prune(destroyed);
                }
            });

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
