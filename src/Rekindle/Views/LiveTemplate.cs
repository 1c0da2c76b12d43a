using System.Runtime.CompilerServices;
using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// What live views and live components share: the template helpers and the effects a render can
/// send to the client (pushed events).
/// </summary>
public abstract partial class LiveTemplate
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
}
