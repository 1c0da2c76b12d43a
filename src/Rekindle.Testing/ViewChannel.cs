using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Transport;
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
    private readonly StreamDom _streams = new();
    private readonly string _topic;
    private readonly List<PushedEvent> _events = [];
    private readonly List<LiveNavigation> _navigations = [];
    private ChannelConnection? _connection;
    private string? _joinRef;
    private RenderedTree? _tree;
    private TreeHtml _html = new("", new HashSet<int>(), []);
    private string? _title;
    private Uri _url;
    private Exception? _ended;
    private TaskCompletionSource _changed = NewSignal();
    private Task _destroying = Task.CompletedTask;
    private int _generation;
    private int _joins;

    private ViewChannel(LiveBrowser browser, DeadPage page, JoinTarget target)
    {
        _browser = browser;
        _page = page;
        _target = target;
        _topic = ProtocolNames.ViewTopicPrefix + page.ViewId;
        _url = target.Redirect ?? page.Url;
    }

    public string ViewId => _page.ViewId;

    /// <summary>The page this view was mounted from (its tokens, which every rejoin sends again).</summary>
    public DeadPage Page => _page;

    /// <summary>Successful joins so far: the <c>_mounts</c> the next join sends (docs/protocol.md §7.5).</summary>
    public int Joins => Read(() => _joins);

    /// <summary>What the view received: the join's rendered tree, then each diff (for the merge's conformance tests).</summary>
    public List<string> Transcript { get; } = [];

    public string Html => Read(() => _html.Html);

    public string? Title => Read(() => _title);

    public Uri Url => Read(() => _url);

    public Exception? Ended => Read(() => _ended);

    public List<PushedEvent> Events => Read(() => _events.ToList());

    public List<LiveNavigation> Navigations => Read(() => _navigations.ToList());

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
            lock (_gate)
            {
                _navigations.Add(redirect);
                _ended = new LiveViewTestException($"The rejoin navigated away ({redirect.Kind} to {redirect.To}).");
                Signal();
            }
            throw new LiveViewTestException($"The rejoin of {_page.Url.PathAndQuery} navigated away ({redirect.Kind} to {redirect.To}).");
        }
    }

    private async Task<LiveNavigation?> ConnectAndJoinAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = await _browser.ConnectAsync(_page, cancellationToken);
        int generation;
        int mounts;
        lock (_gate)
        {
            generation = ++_generation;
            mounts = _joins;
        }
        var connection = new ChannelConnection(socket, (topic, eventName, payload) => OnPush(generation, topic, eventName, payload), reason => OnClosed(generation, reason));
        var joinRef = connection.NextRef();
        lock (_gate)
        {
            _connection = connection;
            _joinRef = joinRef;
            _ended = null;
        }
        var joined = new TaskCompletionSource<LiveNavigation?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(joinRef, joinRef, _topic, ProtocolNames.Join, JoinPayload(mounts),
            reply => Settle(joined, () => OnJoinReply(reply)),
            failure => joined.TrySetException(failure));
        try
        {
            var redirect = await joined.Task.WaitAsync(timeout, cancellationToken);
            if (redirect is null)
            {
                lock (_gate)
                {
                    _joins++;
                }
            }
            return redirect;
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync();
            throw exception is TimeoutException
                ? new LiveViewTestException($"The join of {_page.Url.PathAndQuery} got no reply within {timeout.TotalSeconds} s.")
                : exception;
        }
    }

    /// <summary>The join payload the client builds afresh for every (re)join (docs/protocol.md §3.2).</summary>
    private Dictionary<string, object?> JoinPayload(int mounts)
    {
        var parameters = new Dictionary<string, object?>(_browser.ConnectParams)
        {
            ["_csrf_token"] = _page.CsrfToken,
            ["_mounts"] = mounts,
            ["_mount_attempts"] = 0,
        };
        var payload = new Dictionary<string, object?>
        {
            ["params"] = parameters,
            ["session"] = _page.Session,
            ["static"] = _page.Static,
            ["sticky"] = false,
        };
        if (_target.Redirect is { } redirect)
        {
            // A view reached by live navigation names its URL in "redirect" on every later rejoin too (§8.3).
            payload["redirect"] = Url.ToString();
            parameters["_live_referer"] = _target.Referer?.ToString();
            if (mounts == 0 && _target.FlashToken is { } flash)
            {
                payload["flash"] = flash;
            }
        }
        else
        {
            payload["url"] = Url.ToString();
        }
        return payload;
    }

    /// <summary>The socket the view is joined on now (uploads open their own channels on it).</summary>
    public ChannelConnection Connection => Read(() => _connection!); // set by the join before the view is handed out

    /// <summary>Sends a push of <paramref name="eventName"/> (<c>allow_upload</c>, <c>progress</c>) and returns the whole ok response once its diff is merged.</summary>
    public async Task<JsonElement> PushForResponseAsync(string eventName, Dictionary<string, object?> payload, string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        JsonElement response = default;
        await PushAsync(eventName, payload, description, ok => response = ok.Clone(), timeout, cancellationToken);
        return response;
    }

    /// <summary>Sends an <c>event</c> push and returns the reply's <c>"r"</c> once its diff is merged.</summary>
    public Task<JsonElement?> PushEventAsync(Dictionary<string, object?> payload, string description, TimeSpan timeout, CancellationToken cancellationToken) =>
        PushAsync(ProtocolNames.Event, payload, description, onOk: null, timeout, cancellationToken);

    /// <summary>
    /// Follows a live link as the client does (liveview-protocol.md §8.1–8.3): a patch link sends
    /// <c>live_patch</c> (the server answers with its diff, or <c>link_redirect</c> when the URL is
    /// another view's); a navigate link leaves this view for the target.
    /// </summary>
    public async Task FollowLinkAsync(string href, bool patch, bool replace, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!patch)
        {
            lock (_gate)
            {
                Navigate(LiveNavigationKind.LiveRedirect, href, replace);
                Signal();
            }
            return;
        }
        var payload = new Dictionary<string, object?> { ["url"] = new Uri(Url, href).ToString() };
        await PushAsync(ProtocolNames.LivePatch, payload, $"live_patch to {href}", response =>
        {
            var elsewhere = response.TryGetProperty("link_redirect", out var redirect) && redirect.ValueKind == JsonValueKind.True;
            Navigate(elsewhere ? LiveNavigationKind.LiveRedirect : LiveNavigationKind.Patch, href, replace);
        }, timeout, cancellationToken);
    }

    private async Task<JsonElement?> PushAsync(string eventName, Dictionary<string, object?> payload, string description, Action<JsonElement>? onOk, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ChannelConnection connection;
        lock (_gate)
        {
            if (_ended is { } ended)
            {
                throw new LiveViewTestException($"Cannot send {description}: {ended.Message}", ended);
            }
            connection = _connection!; // set by JoinAsync before the view is handed out
        }
        var replied = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Push(_joinRef, connection.NextRef(), _topic, eventName, payload,
            reply => Settle(replied, () => OnEventReply(reply, description, onOk)),
            failure => replied.TrySetException(new LiveViewTestException($"No reply to {description}: {failure.Message}", failure)));
        try
        {
            var reply = await replied.Task.WaitAsync(timeout, cancellationToken);
            // Components this reply removed are gone on the server too once the action returns.
            Task destroying;
            lock (_gate)
            {
                destroying = _destroying;
            }
            await destroying.WaitAsync(timeout, cancellationToken);
            return reply;
        }
        catch (TimeoutException)
        {
            throw new LiveViewTestException($"No reply to {description} within {timeout.TotalSeconds} s.");
        }
    }

    private static void Settle(TaskCompletionSource done, Action handle)
    {
        try
        {
            handle();
            done.TrySetResult();
        }
        catch (Exception exception)
        {
            done.TrySetException(exception);
        }
    }

    private static void Settle<T>(TaskCompletionSource<T> done, Func<T> handle)
    {
        try
        {
            done.TrySetResult(handle());
        }
        catch (Exception exception)
        {
            done.TrySetException(exception);
        }
    }

    private LiveNavigation? OnJoinReply(JsonElement reply)
    {
        var response = reply.GetProperty("response");
        if (reply.GetProperty("status").GetString() != "ok")
        {
            foreach (var (key, kind) in new[] { ("redirect", LiveNavigationKind.Redirect), ("live_redirect", LiveNavigationKind.LiveRedirect) })
            {
                if (response.TryGetProperty(key, out var target) && target.TryGetProperty("to", out _))
                {
                    var navigation = NavigationOf(kind, target);
                    return navigation with { Flash = _browser.ReadFlash(navigation.FlashToken) };
                }
            }
            var detail = response.TryGetProperty("reason", out var reason) ? reason.ToString() : response.GetRawText();
            throw new LiveViewTestException($"The join of {_page.Url.PathAndQuery} was refused: {detail}.");
        }
        if (!response.TryGetProperty("rendered", out var rendered))
        {
            throw new LiveViewTestException("The join reply has no rendered tree: " + response.GetRawText());
        }
        lock (_gate)
        {
            Transcript.Add(rendered.GetRawText());
            var (diff, _) = TakeExtras(rendered);
            _tree = new RenderedTree(diff);
            Render(previous: null);
            Signal();
        }
        return null;
    }

    private JsonElement? OnEventReply(JsonElement reply, string description, Action<JsonElement>? onOk)
    {
        var response = reply.GetProperty("response");
        if (reply.GetProperty("status").GetString() != "ok")
        {
            throw new LiveViewTestException($"The server answered {description} with an error: {response.GetRawText()}");
        }
        JsonElement? result = null;
        lock (_gate)
        {
            if (response.TryGetProperty("diff", out var diff))
            {
                result = ApplyDiff(diff);
            }
            if (response.TryGetProperty("redirect", out var redirect))
            {
                Navigate(LiveNavigationKind.Redirect, redirect);
            }
            if (response.TryGetProperty("live_redirect", out var liveRedirect))
            {
                Navigate(LiveNavigationKind.LiveRedirect, liveRedirect);
            }
            onOk?.Invoke(response);
            Signal();
        }
        return result;
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
                case ProtocolNames.Diff:
                    try
                    {
                        ApplyDiff(payload);
                    }
                    catch (LiveViewTestException)
                    {
                        // The view has ended with that reason; the next action reports it.
                    }
                    break;
                case ProtocolNames.LivePatch:
                    Navigate(LiveNavigationKind.Patch, payload);
                    break;
                case ProtocolNames.LiveRedirect:
                    Navigate(LiveNavigationKind.LiveRedirect, payload);
                    break;
                case ProtocolNames.Redirect:
                    Navigate(LiveNavigationKind.Redirect, payload);
                    break;
                case ProtocolNames.Error:
                    End(new LiveViewTestException("The view crashed: the server sent phx_error (its exception is in the server's log). A browser would rejoin; this test client stops here."));
                    break;
                case ProtocolNames.Close:
                    End(new LiveViewTestException("The server closed the view's channel (phx_close)."));
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

    private void Navigate(LiveNavigationKind kind, JsonElement payload) => Navigate(NavigationOf(kind, payload));

    private void Navigate(LiveNavigationKind kind, string to, bool replace) => Navigate(new LiveNavigation(kind, to, replace));

    private static LiveNavigation NavigationOf(LiveNavigationKind kind, JsonElement payload) => new(
        kind,
        payload.TryGetProperty("to", out var target) ? target.GetString() ?? "" : "",
        payload.TryGetProperty("kind", out var how) && how.GetString() == "replace")
    {
        FlashToken = payload.TryGetProperty("flash", out var flash) && flash.ValueKind == JsonValueKind.String ? flash.GetString() : null,
    };

    private void Navigate(LiveNavigation navigation)
    {
        var (kind, to, _) = navigation;
        _navigations.Add(navigation.FlashToken is null ? navigation : navigation with { Flash = _browser.ReadFlash(navigation.FlashToken) });
        if (kind == LiveNavigationKind.Patch)
        {
            _url = new Uri(_url, to);
            return;
        }
        // The server ends the view after a navigation away (liveview-protocol.md §8.4).
        _ended ??= new LiveViewTestException($"The view navigated away ({kind} to {to}); mount the target with LiveTest.MountAsync to go on.");
    }

    /// <summary>Merges a diff and renders; a diff the client could not merge ends the view and throws why.</summary>
    private JsonElement? ApplyDiff(JsonElement diff)
    {
        Transcript.Add(diff.GetRawText());
        try
        {
            var (node, reply) = TakeExtras(diff);
            var tree = _tree ?? throw new InvalidOperationException("A diff arrived before the join's rendered tree.");
            tree.MergeDiff(node);
            Render(_html.ComponentIds);
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

    /// <summary>Takes the title and pushed events off a render or diff, as the client's <c>Rendered.extract</c>; returns the rest and the reply.</summary>
    private (Node Diff, JsonElement? Reply) TakeExtras(JsonElement diff)
    {
        if (diff.TryGetProperty(WireKeys.Title.Value, out var title) && title.ValueKind == JsonValueKind.String)
        {
            _title = title.GetString();
        }
        if (diff.TryGetProperty(WireKeys.Events.Value, out var events) && events.ValueKind == JsonValueKind.Array)
        {
            foreach (var pushed in events.EnumerateArray())
            {
                if (pushed.ValueKind == JsonValueKind.Array && pushed.GetArrayLength() >= 2)
                {
                    _events.Add(new PushedEvent(pushed[0].GetString() ?? "", pushed[1].Clone()));
                }
            }
        }
        JsonElement? reply = diff.TryGetProperty(WireKeys.Reply.Value, out var r) ? r.Clone() : null;
        var (node, _, _, _) = RenderedTree.Extract(WireValue.ObjectFrom(diff));
        return (node, reply);
    }

    /// <summary>
    /// Renders the merged tree; components that left the page go through the client's two-step
    /// destruction (liveview-protocol.md §9.3), so the server forgets them as it would with a browser.
    /// </summary>
    private void Render(IReadOnlySet<int>? previous)
    {
        var html = _tree!.ToHtml(markComponents: true); // the join sets _tree before any render
        if (html.Streams.Count > 0 || !_streams.IsEmpty)
        {
            html = html with { Html = _streams.Apply(html.Html, html.Streams, isJoin: previous is null) };
        }
        _html = html;
        if (previous is null)
        {
            return;
        }
        var gone = previous.Where(cid => !_html.ComponentIds.Contains(cid)).ToList();
        if (gone.Count > 0)
        {
            DestroyComponents(gone);
        }
    }

    private void DestroyComponents(List<int> cids)
    {
        var connection = _connection!; // frames only arrive once connected
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _destroying = done.Task;
        connection.Push(_joinRef, connection.NextRef(), _topic, ProtocolNames.CidsWillDestroy, new Dictionary<string, object?> { ["cids"] = cids }, _ =>
        {
            List<int> stillGone;
            lock (_gate)
            {
                stillGone = cids.Where(cid => !_html.ComponentIds.Contains(cid)).ToList();
            }
            if (stillGone.Count == 0)
            {
                done.TrySetResult();
                return;
            }
            connection.Push(_joinRef, connection.NextRef(), _topic, ProtocolNames.CidsDestroyed, new Dictionary<string, object?> { ["cids"] = stillGone }, reply =>
            {
                if (reply.GetProperty("response").TryGetProperty("cids", out var destroyed) && destroyed.ValueKind == JsonValueKind.Array)
                {
                    lock (_gate)
                    {
                        _tree?.PruneComponents(destroyed.EnumerateArray().Where(cid => cid.ValueKind == JsonValueKind.Number).Select(cid => cid.GetInt32()));
                    }
                }
                done.TrySetResult();
            }, _ => done.TrySetResult());
        }, _ => done.TrySetResult());
    }

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
