using System.Reflection;
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
