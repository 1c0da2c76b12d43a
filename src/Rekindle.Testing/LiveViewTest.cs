using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.Hosting;

namespace Rekindle.Testing;

/// <summary>
/// A live view joined in-process, as the browser client holds it: the real join over the real
/// socket endpoint (in memory), diffs merged exactly as the client merges them, and events sent
/// in the client's wire format. Get one from <see cref="LiveTest.MountAsync{TView}(Microsoft.Extensions.Hosting.IHost, string, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// Frames are handled on a background reader in wire order; an action (<see cref="LiveElement.ClickAsync(CancellationToken)"/>,
/// <see cref="LiveForm.ChangeAsync(ValueTuple{string, string}[])"/>…) completes after its reply's diff is merged,
/// and after the server destroyed the components it removed. Diffs the server pushes on its own
/// (PubSub, timers, <c>SendUpdate</c>) arrive whenever they arrive: wait for them with
/// <see cref="WaitUntilAsync"/>. Members may be read from any thread.
/// </remarks>
public sealed class LiveViewTest : IAsyncDisposable
{
    private readonly ViewChannel _channel;
    private readonly LiveBrowser _browser;
    private readonly ViewRequests _requests;
    private readonly FormMemory _forms = new();
    private readonly ChildViewTests _children;
    private int _uploadEntries = -1;

    internal LiveViewTest(ViewChannel channel, LiveBrowser browser)
    {
        _channel = channel;
        _browser = browser;
        _requests = new ViewRequests(channel);
        _children = new ChildViewTests(this);
    }

    /// <summary>The browser this view is open in (its cookies, user, headers and connect params).</summary>
    public LiveBrowser Browser => _browser;

    /// <summary>How long an action waits for the server's reply before it throws. Default 10 seconds.</summary>
    public TimeSpan ReplyTimeout { get; set; } = DefaultTimeout;

    /// <summary>The view's HTML now, as the browser's DOM holds it inside the view's container (component roots carry <c>data-phx-component</c>).</summary>
    public string RenderedHtml => _channel.Html;

    /// <summary>The page title the view set (<c>PageTitle</c>), or <see langword="null"/> if it never set one.</summary>
    public string? PageTitle => _channel.Title;

    /// <summary>The page's URL now: the mounted path, then the target of each patch.</summary>
    public Uri Url => _channel.Url;

    /// <summary>Every event the view pushed to the page (<c>PushEvent</c>), oldest first.</summary>
    public IReadOnlyList<PushedEvent> PushedEvents => _channel.Events;

    /// <summary>Every patch, live redirect and redirect the server asked for, oldest first.</summary>
    public IReadOnlyList<LiveNavigation> Navigations => _channel.Navigations;

    /// <summary>The socket the view is joined on now (uploads open their own channels on it); throws when the view has ended.</summary>
    internal ChannelConnection Connection => _channel.Sender("an upload").Connection;

    /// <summary>The socket, join ref and topic a push goes out on now; throws when the view has ended.</summary>
    internal (ChannelConnection Connection, string? JoinRef, string Topic) Sender(string description) => _channel.Sender(description);

    /// <summary>The client's entry refs count up across the page's file inputs.</summary>
    internal string NextUploadEntryRef() => Interlocked.Increment(ref _uploadEntries).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal Task<JsonElement> PushForResponseAsync(string eventName, Dictionary<string, object?> payload, string description, CancellationToken cancellationToken) =>
        _requests.PushForResponseAsync(eventName, payload, description, ReplyTimeout, cancellationToken);

    /// <summary>What else ends with this view: the app of an isolated mount.</summary>
    internal Func<ValueTask>? OnDispose { get; set; }

    internal static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    internal List<string> Transcript => _channel.Transcript;

    internal string ViewId => _channel.ViewId;

    /// <summary>The whole page of the dead render this view's page came from.</summary>
    internal string PageHtml => _channel.Page.Html;

    internal ViewChannel Channel => _channel;

    /// <summary>
    /// The nested view this view renders in the container <paramref name="id"/> (LiveViewTest's
    /// <c>find_live_child</c>), joined as the client joins it; click, change and submit in it as in any
    /// view. A sticky view rendered by this view's layout is found the same way. The same id gives the
    /// same child until it leaves the render; <see cref="ReconnectAsync"/> rejoins it after this view.
    /// </summary>
    /// <example><code>
    /// var left = await view.FindChildAsync("left");
    /// await left.Element("#left-inc").ClickAsync();
    /// </code></example>
    /// <exception cref="LiveViewTestException">The view renders no nested view with that id, or its join was refused.</exception>
    public Task<LiveViewTest> FindChildAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return _children.FindAsync(id, cancellationToken);
    }

    /// <summary>Every nested view this view renders now, in page order (LiveViewTest's <c>live_children</c>), each as <see cref="FindChildAsync"/> gives it.</summary>
    public Task<IReadOnlyList<LiveViewTest>> ChildrenAsync(CancellationToken cancellationToken = default) => _children.AllAsync(cancellationToken);

    /// <summary>
    /// The one element matching a CSS selector (and whose text contains <paramref name="text"/>, when
    /// given), for clicks and reads; found again at each use.
    /// </summary>
    /// <example><code>await view.Element("li button", text: "Milk").ClickAsync();</code></example>
    public LiveElement Element(string selector, string? text = null) => new(this, selector, text, index: null);

    /// <summary>Every element matching a CSS selector (and text filter) now; each is found again by its position at each use.</summary>
    public IReadOnlyList<LiveElement> Elements(string selector, string? text = null) =>
        [.. Enumerable.Range(0, ElementQuery.All(_channel.ViewId, _channel.Html, selector, text, ContainerTag).Count).Select(index => new LiveElement(this, selector, text, index))];

    /// <summary>The one <c>&lt;form&gt;</c> matching a CSS selector, for change and submit events.</summary>
    public LiveForm Form(string selector) => new(this, selector);

    /// <summary>
    /// The live file input named <paramref name="name"/> in the form <paramref name="formSelector"/>,
    /// with <paramref name="files"/> chosen by the test, to select, upload (with progress) and cancel
    /// as the client's uploader does (Phoenix's <c>file_input</c>).
    /// </summary>
    public LiveFileInput FileInput(string formSelector, string name, params UploadFile[] files)
    {
        ArgumentException.ThrowIfNullOrEmpty(formSelector);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new LiveFileInput(this, formSelector, name, files);
    }

    /// <summary>Whether at least one element of the view matches the CSS selector.</summary>
    public bool HasElement(string selector) => Query(selector).Count > 0;

    /// <summary>Events by name to what <paramref name="target"/> names: a CSS selector (the component around each match) or a cid.</summary>
    /// <example><code>var reply = await view.Target("#picker").PushHookEventAsync("pick", new { color = "red" });</code></example>
    public LiveTarget Target(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        return new LiveTarget(this, target);
    }

    /// <summary>Sends the event <paramref name="name"/> to the view as a click would (<c>render_click(view, event, value)</c>); returns its reply, or <see langword="null"/>.</summary>
    public Task<JsonElement?> PushEventAsync(string name, object? value = null, CancellationToken cancellationToken = default) =>
        new LiveTarget(this, null).PushEventAsync(name, value, cancellationToken);

    /// <summary>
    /// Sends an event as a hook's <c>this.pushEvent(name, payload)</c> does and returns the view's
    /// <c>Reply(...)</c>, or <see langword="null"/> when it gave none.
    /// </summary>
    public Task<JsonElement?> PushHookEventAsync(string name, object? payload = null, CancellationToken cancellationToken = default) =>
        SendEventAsync(new Dictionary<string, object?> { ["type"] = "hook", ["event"] = name, ["value"] = payload ?? new Dictionary<string, object?>() }, $"hook event '{name}'", cancellationToken);

    /// <summary>
    /// Patches the page's URL to <paramref name="path"/> as a patch link would (LiveViewTest's
    /// <c>render_patch</c>): <c>HandleParamsAsync</c> runs with it; a path of another view live-redirects.
    /// Returns the view's HTML once the reply is merged.
    /// </summary>
    public async Task<string> PatchAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await FollowLinkAsync(path, patch: true, replace: false, cancellationToken);
        return RenderedHtml;
    }

    /// <summary>Asserts that the last navigation was a patch to <paramref name="path"/> (as the view passed it to <c>PushPatch</c>).</summary>
    public LiveNavigation AssertPatched(string path) => AssertNavigated(path, LiveNavigationKind.Patch);

    /// <summary>Asserts that the last navigation was a live redirect (<c>PushNavigate</c>) or a redirect to <paramref name="path"/>.</summary>
    public LiveNavigation AssertRedirected(string path) => AssertNavigated(path, LiveNavigationKind.LiveRedirect, LiveNavigationKind.Redirect);

    /// <summary>Asserts that the view pushed an event named <paramref name="name"/> and returns the latest one.</summary>
    public PushedEvent AssertPushEvent(string name)
    {
        var events = _channel.Events;
        return events.LastOrDefault(pushed => pushed.Name == name)
            ?? throw new LiveViewTestException($"Expected a pushed event '{name}'; got {(events.Count == 0 ? "none" : string.Join(", ", events.Select(pushed => $"'{pushed.Name}'")))}.");
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking it now and after every change the
    /// server sends; for what arrives without an action of this test (PubSub, timers, other views).
    /// </summary>
    /// <exception cref="LiveViewTestException">The condition did not hold within <paramref name="timeout"/> (default <see cref="ReplyTimeout"/>), or the view ended.</exception>
    public Task WaitUntilAsync(Func<LiveViewTest, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return ChangeWait.UntilAsync(this, _channel, condition, timeout ?? ReplyTimeout, cancellationToken);
    }

    /// <summary>Closes the view's socket and its nested views'; the server ends them (and an isolated mount stops its app).</summary>
    public async ValueTask DisposeAsync()
    {
        await _children.DisposeAsync();
        await _channel.DisposeAsync();
        if (OnDispose is { } owned)
        {
            await owned();
        }
    }

    /// <summary>
    /// Goes on to the target of the last live redirect or redirect in the same browser, as the
    /// client does after <see cref="AssertRedirected"/>: a live redirect joins the target on this
    /// page's tokens with the flash it carried (a full page load when it leaves the route group), a
    /// redirect loads the target page with its flash in the <c>__phoenix_flash__</c> cookie.
    /// </summary>
    /// <example><code>
    /// await view.Element("#go-counter").ClickAsync();
    /// await using var counter = await view.FollowRedirectAsync&lt;CounterLive&gt;();
    /// </code></example>
    /// <exception cref="LiveViewTestException">The last navigation was no redirect, or its target is not a <typeparamref name="TView"/>.</exception>
    public Task<LiveViewTest> FollowRedirectAsync<TView>(CancellationToken cancellationToken = default)
        where TView : Views.LiveView => RedirectFollower.FollowAsync<TView>(this, _browser, cancellationToken);

    /// <summary>
    /// Drops the socket and rejoins the same view as the client does after a reconnect: the page's
    /// tokens, <c>_mounts</c> one higher, the server's fresh mount (with its <c>[Recoverable]</c>
    /// state restored), then form recovery: each form with an id and a <c>phx-change</c> that the new
    /// render still has is sent again, with what the test typed into it since its last submit
    /// (its <c>phx-auto-recover</c> event if it names one; none when it says <c>ignore</c>).
    /// </summary>
    /// <param name="restartedApp">
    /// A new host of the same application on the same data folder, to test a restart between two
    /// steps (the old host stopped or crashed); the browser goes on against it. <see langword="null"/>
    /// reconnects to the same host.
    /// </param>
    /// <param name="cancellationToken">Cancels the rejoin and the recovery events.</param>
    /// <example><code>
    /// await view.Element("#inc").ClickAsync();
    /// await app.StopAsync();                                   // the crash or deploy
    /// await using var restarted = BuildApp(sameDataPath); await restarted.StartAsync();
    /// await view.ReconnectAsync(restarted);
    /// Assert.Equal("1", view.Element("#count").Text);
    /// </code></example>
    /// <exception cref="LiveViewTestException">The rejoin was refused or navigated away, or a recovery event failed.</exception>
    public async Task ReconnectAsync(IHost? restartedApp = null, CancellationToken cancellationToken = default)
    {
        if (restartedApp is not null)
        {
            _browser.MoveTo(LiveBrowser.ServerOf(restartedApp));
        }
        var before = RenderedHtml;
        await _channel.RejoinAsync(ReplyTimeout, cancellationToken);
        foreach (var recovery in FormRecovery.Events(this, before, TypedFields, UsedFields))
        {
            await SendEventAsync(recovery.Payload, recovery.Description, cancellationToken);
        }
        await _children.RejoinAsync(cancellationToken);
    }

    /// <summary>Joins the nested view <paramref name="id"/> of <paramref name="parent"/> on the page's tokens as the client does (docs/protocol.md §2.5).</summary>
    internal static async Task<LiveViewTest> JoinChildAsync(LiveViewTest parent, string id, string session, string? staticToken, bool sticky, string containerTag, CancellationToken cancellationToken)
    {
        var page = parent._channel.Page with { ViewId = id, Session = session, Static = staticToken };
        var (view, redirect) = await ViewChannel.JoinAsync(parent._browser, page, JoinTarget.Child(sticky), parent.ReplyTimeout, cancellationToken);
        return view is not null
            ? new LiveViewTest(view, parent._browser) { ContainerTag = containerTag }
            : throw new LiveViewTestException($"The nested view '{id}' navigated away while mounting ({redirect!.Kind} to {redirect.To})."); // no view means a redirect
    }

    internal static async Task<LiveMount> JoinAsync(LiveBrowser browser, DeadPage page, CancellationToken cancellationToken)
    {
        var (view, redirect) = await ViewChannel.JoinAsync(browser, page, JoinTarget.Page, DefaultTimeout, cancellationToken);
        return new LiveMount(view is null ? null : new LiveViewTest(view, browser), redirect);
    }

    internal Task<JsonElement?> SendEventAsync(Dictionary<string, object?> payload, string description, CancellationToken cancellationToken) =>
        _requests.PushEventAsync(payload, description, ReplyTimeout, cancellationToken);

    internal Task FollowLinkAsync(string href, bool patch, bool replace, CancellationToken cancellationToken) =>
        _requests.FollowLinkAsync(href, patch, replace, ReplyTimeout, cancellationToken);

    /// <summary>The element the view's HTML sits in, whose parsing context it takes (a nested view's may be a <c>tr</c>).</summary>
    internal string ContainerTag { get; private init; } = "div";

    internal IReadOnlyList<IElement> Query(string selector) => ElementQuery.All(_channel.ViewId, _channel.Html, selector, text: null, ContainerTag);

    internal IElement QuerySingle(string selector, string? text = null, int? index = null) => ElementQuery.Single(_channel.ViewId, _channel.Html, selector, text, index, ContainerTag);

    /// <summary>The field names of a form the test has changed or submitted (the client's "used" inputs, §5.3); lock it to use it.</summary>
    internal HashSet<string> UsedFields(string formKey) => _forms.Used(formKey);

    internal IReadOnlyList<(string Name, string Value)> TypedFields(string formKey) => _forms.Typed(formKey);

    internal void Typed(string formKey, IReadOnlyList<(string Name, string Value)> fields, bool submitted) => _forms.Remember(formKey, fields, submitted);

    private LiveNavigation AssertNavigated(string path, params LiveNavigationKind[] kinds)
    {
        var navigations = _channel.Navigations;
        var last = navigations.Count > 0 ? navigations[^1] : null;
        if (last is null || !kinds.Contains(last.Kind) || last.To != path)
        {
            throw new LiveViewTestException($"Expected {string.Join(" or ", kinds)} to {path}; got {(last is null ? "no navigation" : $"{last.Kind} to {last.To}")}.");
        }
        return last;
    }
}
