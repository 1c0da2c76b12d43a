using System.Diagnostics.CodeAnalysis;
using Rekindle.Rendering;

namespace Rekindle.Views;

/// <content>Async work: values and streams loaded off the view's mailbox, and work whose outcome the view handles.</content>
public abstract partial class LiveTemplate
{
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
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type (one key or a list of keys), so no call is ambiguous; reset is optional in both as in Phoenix's assign_async.")]
    protected void AssignAsync<T>(string key, Func<CancellationToken, Task<T>> work, bool reset = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        var property = AsyncProperty.Find(this, key, typeof(T), "AssignAsync(nameof(Org), ...)");
        StartAssign(key, [property], async cancellationToken => await work(cancellationToken), (value, _) => value, reset);
    }

    /// <summary>
    /// Loads several <see cref="AsyncResult{T}"/> properties with one piece of work, as Phoenix's
    /// <c>assign_async(socket, [:a, :b], ...)</c>: each key names a property, all become loading now
    /// (keeping their last values unless <paramref name="reset"/>), and when <paramref name="work"/> returns
    /// a value for each key they all become ok together. A failure, a cancellation or a result that misses a
    /// key, has one more or has a value of the wrong type fails every key with the same reason (logged like
    /// an exception of the work). <see cref="CancelAsync"/> takes any one of the keys.
    /// </summary>
    /// <param name="keys">The properties' names, at least one, each once.</param>
    /// <param name="work">Returns the values by key; runs on the thread pool with a token cancelled by <see cref="CancelAsync"/> and the view's end.</param>
    /// <param name="reset">Forget the last values while loading.</param>
    /// <example><code>
    /// AssignAsync([nameof(Org), nameof(Members)], async ct =&gt; new Dictionary&lt;string, object?&gt;
    /// {
    ///     [nameof(Org)] = await orgs.FindAsync(slug, ct),
    ///     [nameof(Members)] = await orgs.MembersAsync(slug, ct),
    /// });
    /// </code></example>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type (one key or a list of keys), so no call is ambiguous; reset is optional in both as in Phoenix's assign_async.")]
    protected void AssignAsync(IReadOnlyList<string> keys, Func<CancellationToken, Task<IReadOnlyDictionary<string, object?>>> work, bool reset = false)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(work);
        if (keys.Count == 0 || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new ArgumentException(
                $"{GetType().Name}: AssignAsync got the keys [{string.Join(", ", keys)}]. Expected one or more distinct property names, as in AssignAsync([nameof(Org), nameof(Members)], ...).", nameof(keys));
        }
        var properties = keys.Select(key => AsyncProperty.Find(this, key, valueType: null, "AssignAsync([nameof(Org), nameof(Members)], ...)")).ToArray();
        StartAssign(
            string.Join(",", keys),
            properties,
            async cancellationToken => AsyncValues.Check(GetType().Name, properties, await work(cancellationToken)),
            (values, property) => ((IReadOnlyDictionary<string, object?>)values!)[property.Name], // Check returned the dictionary, with every key
            reset);
    }

    private void StartAssign(string name, AsyncProperty[] properties, Func<CancellationToken, Task<object?>> work, Func<object?, AsyncProperty, object?> valueOf, bool reset)
    {
        foreach (var property in properties)
        {
            property.MarkLoading(reset);
        }
        AsyncTasks.Start(
            name,
            work,
            (value, failure) =>
            {
                foreach (var property in properties)
                {
                    if (failure is null)
                    {
                        property.Succeed(valueOf(value, property));
                    }
                    else
                    {
                        property.Fail(failure);
                    }
                }
                return ValueTask.CompletedTask;
            },
            () => Array.ForEach(properties, property => property.Fail(AsyncResult<object>.Cancelled)),
            reportCancel: false,
            keys: properties.Select(property => property.Name).ToArray());
    }

    /// <summary>
    /// Fills the stream <paramref name="name"/> off the view's mailbox, as Phoenix's <c>stream_async</c>: the
    /// stream is declared now (empty, so <see cref="StreamEach{T}"/> renders), the property of the same name
    /// (an <c>AsyncResult&lt;int&gt;</c>) becomes loading, and when <paramref name="work"/> returns, its items
    /// are inserted with <paramref name="at"/>, <paramref name="limit"/> and <paramref name="reset"/> and the
    /// property becomes ok with their count. A failure or cancellation fails the property and leaves the
    /// stream as it was. The items live only on the client: a rejoin mounts again, so call it in
    /// <c>MountAsync</c>.
    /// </summary>
    /// <param name="name">The stream's name and the name of its <c>AsyncResult&lt;int&gt;</c> property.</param>
    /// <param name="work">Returns the items; runs on the thread pool with a token cancelled by <see cref="CancelAsync"/> and the view's end.</param>
    /// <param name="domId">Each item's DOM id, unique in the page; fixed by the stream's first declaration.</param>
    /// <param name="at">-1 appends, 0 prepends, n inserts at index n.</param>
    /// <param name="limit">Keep at most n items on the client: n &gt; 0 keeps the first n, n &lt; 0 the last -n.</param>
    /// <param name="reset">When the items arrive, remove every item the client shows first; the property also forgets its last count while loading.</param>
    /// <example><code>StreamAsync(nameof(Songs), async ct =&gt; await songs.ListAsync(ct), song =&gt; $"songs-{song.Id}");</code></example>
    protected void StreamAsync<T>(string name, Func<CancellationToken, Task<IEnumerable<T>>> work, Func<T, string> domId, int at = -1, int? limit = null, bool reset = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(domId);
        var property = AsyncProperty.Find(this, name, typeof(int), "StreamAsync(nameof(Songs), ...)");
        Streams.Stream(name, Array.Empty<T>(), domId, at, limit, reset: false);
        property.MarkLoading(reset);
        AsyncTasks.Start(
            name,
            async cancellationToken =>
            {
                // Enumerated here, off the loop, so that a lazy sequence's exception fails the property.
                var items = await work(cancellationToken) ?? throw new ArgumentException($"{GetType().Name}: StreamAsync(\"{name}\") expected the work to return items, got null.");
                return items.ToList();
            },
            (value, failure) =>
            {
                if (failure is not null)
                {
                    property.Fail(failure);
                    return ValueTask.CompletedTask;
                }
                // The work above returned a List<T>.
                var items = (List<T>)value!;
                Streams.Stream(name, items, domId, at, limit, reset);
                property.Succeed(items.Count);
                return ValueTask.CompletedTask;
            },
            () => property.Fail(AsyncResult<int>.Cancelled),
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
    /// name of <see cref="StartAsync{T}"/> or <see cref="StreamAsync{T}"/>): its token is cancelled and its
    /// result will be ignored. An assigned key (every key of its multi-key run) or a stream's property fails
    /// at once with <see cref="AsyncResult{T}.Cancelled"/>; a started name gets that failure in
    /// <see cref="HandleAsyncResultAsync"/>. False when nothing runs under the name.
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
