namespace Rekindle.TestApp.Async;

/// <summary>Work that finishes when a test says so: released with a value, failed, or cancelled through its token.</summary>
public sealed class AsyncGate
{
    private TaskCompletionSource<string> _source = NewSource();

    /// <summary>A new gate for the next run; the previous run's gate stays as it was.</summary>
    public Func<CancellationToken, Task<string>> NextWork()
    {
        var source = _source = NewSource();
        return cancellationToken => source.Task.WaitAsync(cancellationToken);
    }

    public void Release(string value) => _source.TrySetResult(value);

    public void Fail(string message) => _source.TrySetException(new InvalidOperationException(message));

    private static TaskCompletionSource<string> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
