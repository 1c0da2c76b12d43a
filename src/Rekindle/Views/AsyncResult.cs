namespace Rekindle.Views;

/// <summary>
/// The state of a value loaded off the view's mailbox with <c>AssignAsync</c>: loading, ok, or failed.
/// A reload keeps the last good value (<see cref="Value"/> stays, <see cref="IsOk"/> stays true) so the
/// page can keep showing it; render the states with <c>AsyncBlock</c>.
/// </summary>
/// <typeparam name="T">The loaded value's type.</typeparam>
/// <example><code>public AsyncResult&lt;Org&gt; Org { get; set; } = AsyncResult&lt;Org&gt;.Loading();</code></example>
public sealed class AsyncResult<T> : IAsyncResult
{
    private AsyncResult(bool isLoading, bool isOk, T? value, string? failure)
    {
        IsLoading = isLoading;
        IsOk = isOk;
        Value = value;
        Failure = failure;
    }

    /// <summary>Work for this value is running.</summary>
    public bool IsLoading { get; }

    /// <summary>A value arrived, now or before the current reload.</summary>
    public bool IsOk { get; }

    /// <summary>The last value that arrived; <see langword="default"/> before the first.</summary>
    public T? Value { get; }

    /// <summary>Why the last run failed (the exception's message, or <c>"cancelled"</c>); <see langword="null"/> otherwise.</summary>
    public string? Failure { get; }

    /// <summary>The reason given to a result whose work was cancelled with <c>CancelAsync</c>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nothing yet, work running.</summary>
    public static AsyncResult<T> Loading() => new(isLoading: true, isOk: false, default, failure: null);

    /// <summary>A value.</summary>
    public static AsyncResult<T> Ok(T value) => new(isLoading: false, isOk: true, value, failure: null);

    /// <summary>A failure with no earlier value.</summary>
    public static AsyncResult<T> Failed(string reason) => new(isLoading: false, isOk: false, default, reason);

    /// <summary>This result reloading: the last value (if any) is kept, the failure cleared.</summary>
    public AsyncResult<T> Reloading() => new(isLoading: true, IsOk, Value, failure: null);

    /// <summary>This result with <paramref name="value"/>.</summary>
    public AsyncResult<T> WithValue(T value) => Ok(value);

    /// <summary>This result failed: the last value (if any) is kept.</summary>
    public AsyncResult<T> WithFailure(string reason) => new(isLoading: false, IsOk, Value, reason);

    object IAsyncResult.Reloading() => Reloading();

    // AsyncProperty checked the value against T before it came here.
    object IAsyncResult.WithBoxedValue(object? value) => WithValue((T)value!);

    object IAsyncResult.WithFailure(string reason) => WithFailure(reason);
}
