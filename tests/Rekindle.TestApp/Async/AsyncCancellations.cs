using System.Collections.Concurrent;

namespace Rekindle.TestApp.Async;

/// <summary>Records, by probe name (<c>/test/async?probe=...</c>), that the token of a view's org load was cancelled.</summary>
public static class AsyncCancellations
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_cancelled = new(StringComparer.Ordinal);

    /// <summary>Completes once the probe's work saw its token cancelled.</summary>
    public static Task Of(string probe) => Source(probe).Task;

    public static void Watch(string probe, CancellationToken cancellationToken) =>
        cancellationToken.Register(() => Source(probe).TrySetResult());

    private static TaskCompletionSource Source(string probe) =>
        s_cancelled.GetOrAdd(probe, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
