namespace Rekindle.Testing;

/// <summary>Completes a pending reply's task with what handling the reply gave, or with the exception it threw.</summary>
internal static class Settle
{
    public static void With(TaskCompletionSource done, Action handle)
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

    public static void With<T>(TaskCompletionSource<T> done, Func<T> handle)
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
}
