namespace Rekindle.Runtime;

/// <summary>
/// How many runs of async work each joined view has unfinished, by topic and join ref, so the in-process
/// test kit can wait until a view's work is done and rendered (Rekindle.Testing's <c>RenderAsyncAsync</c>).
/// A run counts from its start until its outcome was applied and the diff showing it was sent.
/// </summary>
internal sealed class AsyncWorkTracker
{
    private readonly Dictionary<(string Topic, string JoinRef), int> _running = [];
    private readonly Dictionary<(string Topic, string JoinRef), List<TaskCompletionSource>> _waiters = [];
    private readonly Lock _lock = new();

    public void Started(string topic, string joinRef)
    {
        lock (_lock)
        {
            _running[(topic, joinRef)] = _running.GetValueOrDefault((topic, joinRef)) + 1;
        }
    }

    public void Finished(string topic, string joinRef)
    {
        lock (_lock)
        {
            var left = _running.GetValueOrDefault((topic, joinRef)) - 1;
            if (left > 0)
            {
                _running[(topic, joinRef)] = left;
                return;
            }
            Release((topic, joinRef));
        }
    }

    /// <summary>The view ended: work still running there will never be applied.</summary>
    public void Forget(string topic, string joinRef)
    {
        lock (_lock)
        {
            Release((topic, joinRef));
        }
    }

    /// <summary>Completes once the view has no unfinished async work (at once when it has none).</summary>
    public Task WhenIdleAsync(string topic, string joinRef, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_running.ContainsKey((topic, joinRef)))
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waiters.TryGetValue((topic, joinRef), out var waiters))
            {
                _waiters[(topic, joinRef)] = waiters = [];
            }
            waiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellationToken);
        }
    }

    private void Release((string Topic, string JoinRef) key)
    {
        _running.Remove(key);
        if (_waiters.Remove(key, out var waiters))
        {
            waiters.ForEach(waiter => waiter.TrySetResult());
        }
    }
}
