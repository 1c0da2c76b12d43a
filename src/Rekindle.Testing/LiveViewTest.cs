using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Rekindle.Rendering;
using Rekindle.Transport;
using Node = System.Collections.Generic.Dictionary<string, object?>;

namespace Rekindle.Testing;

/// <summary>
/// A live view joined in-process, as the browser client holds it: the real join over the real
/// socket endpoint (in memory), diffs merged exactly as the client merges them, and events sent
/// in the client's wire format. Get one from <see cref="LiveTest.MountAsync{TView}(Microsoft.Extensions.Hosting.IHost, string, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// Frames are handled on a background reader in wire order; an action (<see cref="LiveElement.ClickAsync"/>,
/// <see cref="LiveForm.ChangeAsync(ValueTuple{string, string}[])"/>…) completes after its reply's diff is merged. Diffs the server
/// pushes on its own (PubSub, timers, <c>SendUpdate</c>) arrive whenever they arrive: wait for them with
/// <see cref="WaitUntilAsync"/>. Members may be read from any thread.
/// </remarks>
public sealed class LiveViewTest : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly DeadPage _page;
    private readonly string _topic;
    private readonly List<PushedEvent> _events = [];
    private readonly List<LiveNavigation> _navigations = [];
    private readonly Dictionary<string, HashSet<string>> _usedFields = new(StringComparer.Ordinal);
    private ChannelConnection? _connection;
    private string? _joinRef;
    private RenderedTree? _tree;
    private TreeHtml _html = new("", new HashSet<int>(), []);
    private string? _title;
    private Uri _url;
    private Exception? _ended;
    private TaskCompletionSource _changed = NewSignal();
    private Task _destroying = Task.CompletedTask;

    private LiveViewTest(DeadPage page)
    {
        _page = page;
        _topic = ProtocolNames.ViewTopicPrefix + page.ViewId;
        _url = page.Url;
    }

    /// <summary>How long an action waits for the server's reply before it throws. Default 10 seconds.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The view's HTML now, as the browser's DOM holds it inside the view's container (component roots carry <c>data-phx-component</c>).</summary>
    public string RenderedHtml
    {
        get
        {
            lock (_gate)
            {
                return _html.Html;
            }
        }
    }

    /// <summary>The page title the view set (<c>PageTitle</c>), or <see langword="null"/> if it never set one.</summary>
    public string? PageTitle
    {
        get
        {
            lock (_gate)
            {
                return _title;
            }
        }
    }

    /// <summary>The page's URL now: the mounted path, then the target of each patch.</summary>
    public Uri Url
    {
        get
        {
            lock (_gate)
            {
                return _url;
            }
        }
    }

    /// <summary>Every event the view pushed to the page (<c>PushEvent</c>), oldest first.</summary>
    public IReadOnlyList<PushedEvent> PushedEvents
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Every patch, live redirect and redirect the server asked for, oldest first.</summary>
    public IReadOnlyList<LiveNavigation> Navigations
    {
        get
        {
            lock (_gate)
            {
                return [.. _navigations];
            }
        }
    }

    /// <summary>The one element matching a CSS selector, for clicks and reads; found again at each use.</summary>
    public LiveElement Element(string selector) => new(this, selector);

    /// <summary>The one <c>&lt;form&gt;</c> matching a CSS selector, for change and submit events.</summary>
    public LiveForm Form(string selector) => new(this, selector);

    /// <summary>Whether at least one element of the view matches the CSS selector.</summary>
    public bool HasElement(string selector) => Query(selector).Count > 0;

    /// <summary>
    /// Sends an event as a hook's <c>this.pushEvent(name, payload)</c> does and returns the view's
    /// <c>Reply(...)</c>, or <see langword="null"/> when it gave none.
    /// </summary>
    public Task<JsonElement?> PushHookEventAsync(string name, object? payload = null, CancellationToken cancellationToken = default) =>
        PushEventAsync(new Dictionary<string, object?> { ["type"] = "hook", ["event"] = name, ["value"] = payload ?? new Dictionary<string, object?>() }, $"hook event '{name}'", cancellationToken);

    /// <summary>Asserts that the last navigation was a patch to <paramref name="path"/> (path and query, as the view passed it to <c>PushPatch</c>).</summary>
    public LiveNavigation AssertPatched(string path) => AssertNavigated(path, LiveNavigationKind.Patch);

    /// <summary>Asserts that the last navigation was a live redirect (<c>PushNavigate</c>) or a redirect to <paramref name="path"/>.</summary>
    public LiveNavigation AssertRedirected(string path) => AssertNavigated(path, LiveNavigationKind.LiveRedirect, LiveNavigationKind.Redirect);

    /// <summary>Asserts that the view pushed an event named <paramref name="name"/> and returns the latest one.</summary>
    public PushedEvent AssertPushEvent(string name)
    {
        lock (_gate)
        {
            return _events.LastOrDefault(pushed => pushed.Name == name)
                ?? throw new LiveViewTestException($"Expected a pushed event '{name}'; got {(_events.Count == 0 ? "none" : string.Join(", ", _events.Select(pushed => $"'{pushed.Name}'")))}.");
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it now and after every change the
    /// server sends; for what arrives without an action of this test (PubSub, timers, other views).
    /// </summary>
    /// <exception cref="LiveViewTestException">The condition did not hold within <paramref name="timeout"/> (default 10 s), or the view ended.</exception>
    public async Task WaitUntilAsync(Func<LiveViewTest, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? ReplyTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(this))
                {
                    return;
                }
                if (_ended is { } ended)
                {
                    throw new LiveViewTestException("The condition did not hold before the view ended: " + ended.Message, ended);
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LiveViewTestException($"The condition did not hold within {(timeout ?? ReplyTimeout).TotalSeconds} s. The view's HTML:\n{RenderedHtml}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }
    }

    internal static async Task<LiveViewTest> JoinAsync(TestBrowser browser, DeadPage page, CancellationToken cancellationToken)
    {
        var view = new LiveViewTest(page);
        var socket = await browser.ConnectAsync(page, cancellationToken);
        view._connection = new ChannelConnection(socket, view.OnPush, view.OnClosed);
        var joinRef = view._connection.NextRef();
        view._joinRef = joinRef;
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var payload = new Dictionary<string, object?>
        {
            ["url"] = page.Url.ToString(),
            ["params"] = new Dictionary<string, object?> { ["_csrf_token"] = page.CsrfToken, ["_mounts"] = 0, ["_mount_attempts"] = 0 },
            ["session"] = page.Session,
            ["static"] = page.Static,
            ["sticky"] = false,
        };
        view._connection.Push(joinRef, joinRef, view._topic, ProtocolNames.Join, payload,
            reply => Settle(joined, () => view.OnJoinReply(reply)),
            failure => joined.TrySetException(failure));
        try
        {
            await joined.Task.WaitAsync(view.ReplyTimeout, cancellationToken);
        }
        catch (Exception exception)
        {
            await view.DisposeAsync();
            throw exception is TimeoutException
                ? new LiveViewTestException($"The join of {page.Url.PathAndQuery} got no reply within {view.ReplyTimeout.TotalSeconds} s.")
                : exception;
        }
        return view;
    }

    /// <summary>The transcript of what the view received: the join's rendered tree, then each diff (for the merge's conformance tests).</summary>
    internal List<string> Transcript { get; } = [];

    internal IReadOnlyList<IElement> Query(string selector)
    {
        string html;
        lock (_gate)
        {
            html = _html.Html;
        }
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body><div id=\"{_page.ViewId}\" data-phx-main>{html}</div></body></html>");
        var container = document.GetElementById(_page.ViewId)!; // created just above
        try
        {
            return [.. container.QuerySelectorAll(selector)];
        }
        catch (AngleSharp.Dom.DomException exception)
        {
            throw new LiveViewTestException($"'{selector}' is not a valid CSS selector: {exception.Message}", exception);
        }
    }

    internal IElement QuerySingle(string selector)
    {
        var matches = Query(selector);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new LiveViewTestException($"No element of the view matches '{selector}'. The view's HTML:\n{RenderedHtml}"),
            _ => throw new LiveViewTestException($"{matches.Count} elements of the view match '{selector}'; expected exactly one:\n{string.Join("\n", matches.Select(match => match.OuterHtml))}"),
        };
    }

    /// <summary>The field names of a form the test has changed or submitted (the client's "used" inputs, §5.3).</summary>
    internal HashSet<string> UsedFields(string formKey)
    {
        lock (_gate)
        {
            if (!_usedFields.TryGetValue(formKey, out var used))
            {
                used = new HashSet<string>(StringComparer.Ordinal);
                _usedFields[formKey] = used;
            }
            return used;
        }
    }

    /// <summary>Sends an <c>event</c> push and returns the reply's <c>"r"</c> once its diff is merged.</summary>
    internal async Task<JsonElement?> PushEventAsync(Dictionary<string, object?> payload, string description, CancellationToken cancellationToken)
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
        connection.Push(_joinRef, connection.NextRef(), _topic, ProtocolNames.Event, payload,
            reply => Settle(replied, () => OnEventReply(reply, description)),
            failure => replied.TrySetException(new LiveViewTestException($"No reply to {description}: {failure.Message}", failure)));
        try
        {
            var reply = await replied.Task.WaitAsync(ReplyTimeout, cancellationToken);
            // Components this reply removed are gone on the server too once the action returns.
            Task destroying;
            lock (_gate)
            {
                destroying = _destroying;
            }
            await destroying.WaitAsync(ReplyTimeout, cancellationToken);
            return reply;
        }
        catch (TimeoutException)
        {
            throw new LiveViewTestException($"No reply to {description} within {ReplyTimeout.TotalSeconds} s.");
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

    private void OnJoinReply(JsonElement reply)
    {
        var response = reply.GetProperty("response");
        if (reply.GetProperty("status").GetString() != "ok")
        {
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
        }
    }

    private JsonElement? OnEventReply(JsonElement reply, string description)
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
            Signal();
        }
        return result;
    }

    private void OnPush(string topic, string eventName, JsonElement payload)
    {
        if (topic != _topic)
        {
            return;
        }
        lock (_gate)
        {
            switch (eventName)
            {
                case ProtocolNames.Diff:
                    try
                    {
                        ApplyDiff(payload);
                    }
                    catch (InvalidOperationException exception)
                    {
                        End(new LiveViewTestException("A diff the server pushed could not be merged as the client would: " + exception.Message, exception));
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

    private void OnClosed(Exception reason)
    {
        lock (_gate)
        {
            _ended ??= reason;
            Signal();
        }
    }

    private void End(Exception reason)
    {
        _ended ??= reason;
        _connection?.FailPending(_ended);
    }

    private void Navigate(LiveNavigationKind kind, JsonElement payload)
    {
        var to = payload.TryGetProperty("to", out var target) ? target.GetString() ?? "" : "";
        var replace = payload.TryGetProperty("kind", out var how) && how.GetString() == "replace";
        _navigations.Add(new LiveNavigation(kind, to, replace));
        if (kind == LiveNavigationKind.Patch)
        {
            _url = new Uri(_url, to);
            return;
        }
        // The server ends the view after a navigation away (liveview-protocol.md §8.4).
        _ended ??= new LiveViewTestException($"The view navigated away ({kind} to {to}); mount the target with LiveTest.MountAsync to go on.");
    }

    private JsonElement? ApplyDiff(JsonElement diff)
    {
        Transcript.Add(diff.GetRawText());
        var (node, reply) = TakeExtras(diff);
        var tree = _tree ?? throw new LiveViewTestException("A diff arrived before the join's rendered tree.");
        tree.MergeDiff(node);
        Render(_html.ComponentIds);
        return reply;
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
        _html = _tree!.ToHtml(markComponents: true); // the join sets _tree before any render
        if (_html.Streams.Count > 0)
        {
            End(new LiveViewTestException("The view renders a stream; Rekindle.Testing does not follow streams yet (their items live in the DOM, not in the rendered tree). Test it with a browser test."));
        }
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

    private LiveNavigation AssertNavigated(string path, params LiveNavigationKind[] kinds)
    {
        lock (_gate)
        {
            var last = _navigations.Count > 0 ? _navigations[^1] : null;
            if (last is null || !kinds.Contains(last.Kind) || last.To != path)
            {
                throw new LiveViewTestException($"Expected {string.Join(" or ", kinds)} to {path}; got {(last is null ? "no navigation" : $"{last.Kind} to {last.To}")}.");
            }
            return last;
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
