namespace Rekindle.Views;

/// <summary>An <see cref="AsyncResult{T}"/> whose value type is known only at run time (multi-key <c>AssignAsync</c>).</summary>
internal interface IAsyncResult
{
    /// <summary>The <see cref="AsyncResult{T}.Reloading"/> of this result.</summary>
    object Reloading();

    /// <summary>This result with <paramref name="value"/>, which the caller checked is a value of the result's type.</summary>
    object WithBoxedValue(object? value);

    /// <summary>The <see cref="AsyncResult{T}.WithFailure"/> of this result.</summary>
    object WithFailure(string reason);
}
