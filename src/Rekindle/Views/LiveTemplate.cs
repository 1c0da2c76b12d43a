using System.Reflection;
using System.Runtime.CompilerServices;
using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// What live views and live components share: the template helpers and the effects a render can
/// send to the client (pushed events).
/// </summary>
public abstract class LiveTemplate
{
    private LiveStreams? _streams;
    private AsyncTasks? _asyncTasks;

    internal ClientEffects Effects { get; set; } = new();

    /// <summary>The process running the view (a component gets its view's); <see langword="null"/> in the dead render.</summary>
    internal IViewRuntime? Runtime { get; set; }

    internal AsyncTasks AsyncTasks => _asyncTasks ??= new AsyncTasks(this);

    /// <summary>
    /// Cancelled when the running callback should give up: the view ended (the user left or navigated
    /// away, the socket closed, the server is shutting down) or the callback ran past
    /// <c>Rekindle:Runtime:HandlerTimeout</c>. Pass it to what a handler awaits (queries, HTTP calls).
    /// In the dead render it is the request's <c>RequestAborted</c>.
    /// </summary>
    /// <remarks>
    /// The view's DI scope outlives a cancelled handler: it is disposed only once the handler has
    /// returned, so services the handler still holds stay usable while it winds down.
    /// </remarks>
    /// <example><code>var rows = await db.Orders.Where(o =&gt; o.Open).ToListAsync(CancellationToken);</code></example>
    protected CancellationToken CancellationToken => Cancellation;

    internal CancellationToken Cancellation { get; set; }

    private LiveStreams Streams => _streams ??= new LiveStreams(this);

    /// <summary>Renders the current state. Called after every handled message.</summary>
    public abstract Rendered Render();

    /// <summary>
    /// Builds a template: literal text becomes statics, sent once; holes are HTML-escaped values,
    /// or nested templates, lists and components.
    /// </summary>
    /// <example><code>Html($"&lt;span id=\"count\"&gt;{Count}&lt;/span&gt;")</code></example>
    protected static Rendered Html(
        HtmlTemplateHandler template,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) => template.Build(callerFile, callerLine);

    /// <summary>Trusted markup, inserted without escaping. Never pass user input.</summary>
    protected static RawHtml Raw(string html) => new(html);

    /// <summary>A boolean attribute for a hole between a tag's attributes: <c>&lt;input type="radio" {Attr("checked", selected)}&gt;</c>.</summary>
    protected static TagAttribute Attr(string name, bool present) => TagAttribute.Flag(name, present);

    /// <summary>An attribute with an escaped value, left out when <paramref name="value"/> is <see langword="null"/>.</summary>
    protected static TagAttribute Attr(string name, string? value) => TagAttribute.Value(name, value);

    /// <summary>
    /// Wraps <paramref name="content"/> so that Tab and Shift+Tab cycle inside it, as a modal dialog
    /// needs: a <c>div</c> with the client's <c>Phoenix.FocusWrap</c> hook between two focusable sentinels.
    /// The hook focuses the first focusable element when the wrapper mounts visible or is shown.
    /// </summary>
    /// <param name="id">The wrapper's DOM id, unique in the page (the hook needs one).</param>
    /// <param name="content">What the focus stays in.</param>
    /// <param name="class">Classes for the wrapper.</param>
    /// <example><code>FocusWrap("dialog", Html($"&lt;input name=\"title\"&gt;&lt;button phx-click=\"save\"&gt;Save&lt;/button&gt;"))</code></example>
    protected static Rendered FocusWrap(string id, Rendered content, string? @class = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(content);
        return Html($"""<div id="{id}" phx-hook="Phoenix.FocusWrap"{Attr("class", @class)}><span id="{id}-start" tabindex="0" aria-hidden="true"></span>{content}<span id="{id}-end" tabindex="0" aria-hidden="true"></span></div>""");
    }

    /// <summary>
    /// Renders <paramref name="content"/> elsewhere in the document: the client moves it into the element
    /// matching <paramref name="target"/> (a modal or tooltip escaping an <c>overflow: hidden</c> parent),
    /// and keeps patching it there. Events and forms inside still go to this view or component, and a form
    /// inside is recovered after a dropped socket like any other.
    /// </summary>
    /// <param name="id">The portal's DOM id, unique in the page.</param>
    /// <param name="target">A CSS selector of an element outside the view's patches, such as <c>body</c>.</param>
    /// <param name="content">Exactly one element with its own <c>id</c>, as the client requires.</param>
    /// <example><code>Portal("confirm-portal", "body", Html($"&lt;div id=\"confirm\" class=\"modal\"&gt;...&lt;/div&gt;"))</code></example>
    protected static Rendered Portal(string id, string target, Rendered content)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(content);
        return Html($"""<template id="{id}" data-phx-portal="{target}">{content}</template>""");
    }

    /// <summary>A keyed list: each item renders with the same template and is tracked by its key.</summary>
    protected static Comprehension Each<T>(IEnumerable<T> items, Func<T, object?> key, Func<T, Rendered> render) =>
        ComprehensionBuilder.Build(items, key, render);

    /// <summary>A list keyed by position. Prefer the keyed overload when items can move.</summary>
    protected static Comprehension Each<T>(IEnumerable<T> items, Func<T, Rendered> render) =>
        ComprehensionBuilder.Build(items.Select((item, index) => (item, index)), pair => pair.index, pair => render(pair.item));

    /// <summary>
    /// Declares the stream <paramref name="name"/> (first call) and queues <paramref name="items"/> for the
    /// client, which keeps them in the DOM: the server holds only what changed since the last render,
    /// never the collection. Call it in <c>MountAsync</c>, which runs again on every join and reconnect.
    /// Render it with <see cref="StreamEach"/> inside an element with an <c>id</c> and <c>phx-update="stream"</c>.
    /// </summary>
    /// <param name="name">The stream's name, used by the other <c>Stream*</c> methods.</param>
    /// <param name="items">Items to insert, one by one, each at <paramref name="at"/>.</param>
    /// <param name="domId">Each item's DOM id, unique in the page; fixed by the first call.</param>
    /// <param name="at">-1 appends, 0 prepends, n inserts at index n. An item whose id the client shows is updated in place.</param>
    /// <param name="limit">Keep at most n items on the client: n &gt; 0 keeps the first n, n &lt; 0 the last -n.</param>
    /// <param name="reset">Remove every item the client shows first.</param>
    /// <example><code>Stream("songs", songs, song =&gt; $"songs-{song.Id}");</code></example>
    protected void Stream<T>(string name, IEnumerable<T> items, Func<T, string> domId, int at = -1, int? limit = null, bool reset = false) =>
        Streams.Stream(name, items, domId, at, limit, reset);

    /// <summary>Inserts <paramref name="item"/> into the stream, or updates it in place if the client shows its DOM id.</summary>
    /// <param name="name">A stream declared with <see cref="Stream{T}"/>.</param>
    /// <param name="item">The item; its DOM id comes from the stream's id function.</param>
    /// <param name="at">-1 appends, 0 prepends, n inserts at index n.</param>
    /// <param name="limit">Keep at most n items on the client: n &gt; 0 keeps the first n, n &lt; 0 the last -n.</param>
    /// <param name="updateOnly">Only update an item the client shows; never add it.</param>
    protected void StreamInsert<T>(string name, T item, int at = -1, int? limit = null, bool updateOnly = false) =>
        Streams.Insert(name, item, at, limit, updateOnly);

    /// <summary>Removes <paramref name="item"/> (found by its DOM id) from the stream on the client.</summary>
    protected void StreamDelete<T>(string name, T item) => Streams.Delete(name, item);

    /// <summary>Removes the item with DOM id <paramref name="domId"/> from the stream on the client.</summary>
    protected void StreamDeleteByDomId(string name, string domId) => Streams.DeleteByDomId(name, domId);

    /// <summary>
    /// Renders the stream's pending items with <paramref name="render"/>, which gets each item's DOM
    /// id and must put it on the item's root element. Place it inside the stream's container, whose
    /// other children (if any) need ids too.
    /// </summary>
    /// <example><code>Html($"&lt;ul id=\"songs\" phx-update=\"stream\"&gt;{StreamEach&lt;Song&gt;("songs", (id, song) =&gt; Html($"&lt;li id=\"{id}\"&gt;{song.Title}&lt;/li&gt;"))}&lt;/ul&gt;")</code></example>
    protected Comprehension StreamEach<T>(string name, Func<string, T, Rendered> render) => Streams.Each(name, render);

    /// <summary>Called once a render of this template is sent: its streams forget what it carried.</summary>
    internal void FlushStreams() => _streams?.Flush();

    /// <summary>
    /// A stateful component: the instance of <typeparamref name="TComponent"/> with this id is created
    /// on first render and kept while the view renders it; <paramref name="assigns"/> go to its
    /// <see cref="LiveComponent.UpdateAsync"/> whenever they change.
    /// </summary>
    protected static ComponentRef Component<TComponent>(string id, object? assigns = null)
        where TComponent : LiveComponent
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ComponentRef(typeof(TComponent), id, assigns);
    }

    /// <summary>
    /// Updates the component of type <typeparamref name="TComponent"/> with this id: its
    /// <see cref="LiveComponent.UpdateAsync"/> runs with <paramref name="assigns"/> before the next render.
    /// A component that is no longer rendered is skipped (and logged at Debug).
    /// </summary>
    protected void SendUpdate<TComponent>(string id, object? assigns)
        where TComponent : LiveComponent
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Effects.Updates.Add((typeof(TComponent), id, assigns));
    }

    /// <summary>Answers the hook <c>pushEvent</c>/<c>pushEventTo</c> being handled; the client's reply callback receives it.</summary>
    protected void Reply(object value)
    {
        Effects.Reply = value;
        Effects.HasReply = true;
    }

    /// <summary>
    /// Sends an event to the client with the next diff: hooks receive it in <c>handleEvent(name, ...)</c>
    /// and <c>window</c> in a <c>phx:name</c> event.
    /// </summary>
    protected void PushEvent(string name, object? payload = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Effects.Events.Add((name, payload));
    }

    /// <summary>
    /// Loads the property named <paramref name="key"/> (an <see cref="AsyncResult{T}"/>) off the view's
    /// mailbox: the property becomes loading now (keeping its last value unless <paramref name="reset"/>),
    /// <paramref name="work"/> runs on the thread pool, and its value or failure is assigned on the view's
    /// loop, then rendered. A newer call for the same key supersedes a running one; the work's token is
    /// cancelled by <see cref="CancelAsync"/> and when the view ends. An exception becomes the failed state
    /// and is logged. In the dead render only the loading state is set: call it in <c>MountAsync</c>,
    /// which runs again on every join, so work a restore interrupted starts again.
    /// </summary>
    /// <example><code>AssignAsync(nameof(Org), ct =&gt; orgs.FindAsync(id, ct));</code></example>
    protected void AssignAsync<T>(string key, Func<CancellationToken, Task<T>> work, bool reset = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(work);
        var property = GetType().GetProperty(key, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        if (property is not { CanRead: true, CanWrite: true } || property.PropertyType != typeof(AsyncResult<T>))
        {
            throw new ArgumentException(
                $"{GetType().Name} has no readable and settable property '{key}' of type AsyncResult<{typeof(T).Name}>. Expected the key to name one, as in AssignAsync(nameof(Org), ...).", nameof(key));
        }
        AsyncResult<T> Current() => (AsyncResult<T>?)property.GetValue(this) ?? AsyncResult<T>.Loading();
        property.SetValue(this, reset ? AsyncResult<T>.Loading() : Current().Reloading());
        AsyncTasks.Start(
            key,
            async cancellationToken => await work(cancellationToken),
            (value, failure) =>
            {
                // The work returned a T (the lambda above), so the cast only unboxes it.
                property.SetValue(this, failure is null ? Current().WithValue((T)value!) : Current().WithFailure(failure));
                return ValueTask.CompletedTask;
            },
            () => property.SetValue(this, Current().WithFailure(AsyncResult<T>.Cancelled)),
            reportCancel: false);
    }

    /// <summary>
    /// Runs <paramref name="work"/> off the view's mailbox under <paramref name="name"/>; its value or
    /// failure comes to <see cref="HandleAsyncResultAsync"/> on the view's loop. A newer call with the same
    /// name supersedes a running one; <see cref="CancelAsync"/> and the view's end cancel its token.
    /// Does nothing in the dead render.
    /// </summary>
    /// <example><code>StartAsync("report", ct =&gt; reports.BuildAsync(ct));</code></example>
    protected void StartAsync<T>(string name, Func<CancellationToken, Task<T>> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(work);
        AsyncTasks.Start(
            name,
            async cancellationToken => await work(cancellationToken),
            (value, failure) => HandleAsyncResultAsync(name, failure is null ? AsyncResult<object?>.Ok(value) : AsyncResult<object?>.Failed(failure)),
            onCancel: static () => { },
            reportCancel: true);
    }

    /// <summary>
    /// Cancels the work running under <paramref name="name"/> (a key of <see cref="AssignAsync{T}"/> or a
    /// name of <see cref="StartAsync{T}"/>): its token is cancelled and its result will be ignored. An
    /// assigned key fails at once with <see cref="AsyncResult{T}.Cancelled"/>; a started name gets that
    /// failure in <see cref="HandleAsyncResultAsync"/>. False when nothing runs under the name.
    /// </summary>
    protected bool CancelAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return AsyncTasks.Cancel(name);
    }

    /// <summary>
    /// Receives the outcome of <see cref="StartAsync{T}"/> work on the view's loop: ok with the work's
    /// value, or failed with the exception's message or <see cref="AsyncResult{T}.Cancelled"/>. The base
    /// implementation throws, which ends the view: override it when you use <see cref="StartAsync{T}"/>.
    /// </summary>
    public virtual ValueTask HandleAsyncResultAsync(string name, AsyncResult<object?> result) =>
        throw new InvalidOperationException($"{GetType().Name} started async work '{name}' but does not override HandleAsyncResultAsync. Expected an override receiving its result.");

    /// <summary>
    /// Renders an <see cref="AsyncResult{T}"/>: <paramref name="ok"/> with the value whenever there is one
    /// (also while it reloads), else <paramref name="loading"/> while loading, else <paramref name="failed"/>
    /// with the reason. A missing template renders nothing.
    /// </summary>
    /// <example><code>AsyncBlock(Org, org =&gt; Html($"&lt;p&gt;{org.Name}&lt;/p&gt;"), loading: () =&gt; Html($"&lt;p&gt;Loading…&lt;/p&gt;"), failed: reason =&gt; Html($"&lt;p&gt;{reason}&lt;/p&gt;"))</code></example>
    protected static Rendered AsyncBlock<T>(AsyncResult<T> result, Func<T, Rendered> ok, Func<Rendered>? loading = null, Func<string, Rendered>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(ok);
        return result switch
        {
            // IsOk means a value arrived, so Value holds a T.
            { IsOk: true } => ok(result.Value!),
            { IsLoading: true } => loading?.Invoke() ?? Html($""),
            _ => failed?.Invoke(result.Failure ?? "") ?? Html($""),
        };
    }
}
