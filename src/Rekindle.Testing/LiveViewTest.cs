using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>
/// A live view joined in-process, as the browser client holds it: the real join over the real
/// socket endpoint (in memory), diffs merged exactly as the client merges them, and events sent
/// in the client's wire format. Get one from <see cref="LiveTest.MountAsync{TView}(Microsoft.Extensions.Hosting.IHost, string, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// Frames are handled on a background reader in wire order; an action (<see cref="LiveElement.ClickAsync"/>,
/// <see cref="LiveForm.ChangeAsync(ValueTuple{string, string}[])"/>…) completes after its reply's diff is merged,
/// and after the server destroyed the components it removed. Diffs the server pushes on its own
/// (PubSub, timers, <c>SendUpdate</c>) arrive whenever they arrive: wait for them with
/// <see cref="WaitUntilAsync"/>. Members may be read from any thread.
/// </remarks>
public sealed class LiveViewTest : IAsyncDisposable
{
    private readonly ViewChannel _channel;
    private readonly TestBrowser _browser;
    private readonly Dictionary<string, HashSet<string>> _usedFields = new(StringComparer.Ordinal);

    private LiveViewTest(ViewChannel channel, TestBrowser browser)
    {
        _channel = channel;
        _browser = browser;
    }

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

    internal static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    internal List<string> Transcript => _channel.Transcript;

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
    public async Task WaitUntilAsync(Func<LiveViewTest, bool> condition, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? ReplyTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var changed = _channel.Changed;
            if (condition(this))
            {
                return;
            }
            if (_channel.Ended is { } ended)
            {
                throw new LiveViewTestException("The condition did not hold before the view ended: " + ended.Message, ended);
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LiveViewTestException($"The condition did not hold within {limit.TotalSeconds} s. The view's HTML:\n{RenderedHtml}");
            }
        }
    }

    /// <summary>Closes the view's socket; the server ends the view.</summary>
    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    /// <summary>
    /// Mounts the target of the last live redirect or redirect in the same browser (same cookies,
    /// so the same browser session), as the page would go on after <see cref="AssertRedirected"/>.
    /// </summary>
    /// <example><code>
    /// await view.Element("#go-counter").ClickAsync();
    /// await using var counter = await view.FollowRedirectAsync&lt;CounterLive&gt;();
    /// </code></example>
    /// <exception cref="LiveViewTestException">The last navigation was no redirect, or its target is not a <typeparamref name="TView"/>.</exception>
    public Task<LiveViewTest> FollowRedirectAsync<TView>(CancellationToken cancellationToken = default)
        where TView : Views.LiveView
    {
        var navigations = _channel.Navigations;
        if (navigations.Count == 0 || navigations[^1] is not { Kind: LiveNavigationKind.LiveRedirect or LiveNavigationKind.Redirect } last)
        {
            throw new LiveViewTestException($"Expected a redirect to follow; got {(navigations.Count == 0 ? "no navigation" : $"{navigations[^1].Kind} to {navigations[^1].To}")}.");
        }
        return LiveTest.MountAsync<TView>(_browser, last.To, cancellationToken);
    }

    internal static async Task<LiveViewTest> JoinAsync(TestBrowser browser, DeadPage page, CancellationToken cancellationToken) =>
        new(await ViewChannel.JoinAsync(browser, page, DefaultTimeout, cancellationToken), browser);

    internal Task<JsonElement?> PushEventAsync(Dictionary<string, object?> payload, string description, CancellationToken cancellationToken) =>
        _channel.PushEventAsync(payload, description, ReplyTimeout, cancellationToken);

    internal Task FollowLinkAsync(string href, bool patch, bool replace, CancellationToken cancellationToken) =>
        _channel.FollowLinkAsync(href, patch, replace, ReplyTimeout, cancellationToken);

    internal IReadOnlyList<IElement> Query(string selector)
    {
        var viewId = _channel.ViewId;
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head></head><body><div id=\"{viewId}\" data-phx-main>{_channel.Html}</div></body></html>");
        var container = document.GetElementById(viewId)!; // created just above
        try
        {
            return [.. container.QuerySelectorAll(selector)];
        }
        catch (DomException exception)
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

    /// <summary>The field names of a form the test has changed or submitted (the client's "used" inputs, §5.3); lock it to use it.</summary>
    internal HashSet<string> UsedFields(string formKey)
    {
        lock (_usedFields)
        {
            if (!_usedFields.TryGetValue(formKey, out var used))
            {
                used = new HashSet<string>(StringComparer.Ordinal);
                _usedFields[formKey] = used;
            }
            return used;
        }
    }

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
