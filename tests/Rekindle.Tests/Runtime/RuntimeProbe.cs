namespace Rekindle.Tests.Runtime;

/// <summary>
/// What the runtime test views did, in order, shared with the test through DI (a singleton); and
/// the gates a test opens to let a handler go on.
/// </summary>
public sealed class RuntimeProbe
{
    private readonly Lock _lock = new();
    private readonly List<string> _steps = [];
    private TaskCompletionSource _stepAdded = NewSignal();

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_lock)
            {
                return [.. _steps];
            }
        }
    }

    public void Add(string step)
    {
        TaskCompletionSource added;
        lock (_lock)
        {
            _steps.Add(step);
            added = _stepAdded;
            _stepAdded = NewSignal();
        }
        added.SetResult();
    }

    /// <summary>Waits until <paramref name="step"/> was recorded (10 s at most, a failure rather than a hang).</summary>
    public async Task WaitForAsync(string step)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task added;
            lock (_lock)
            {
                if (_steps.Contains(step))
                {
                    return;
                }
                added = _stepAdded.Task;
            }
            try
            {
                await added.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Step '{step}' was not recorded within 10 s; recorded: {string.Join(", ", Steps)}.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A service of the view's DI scope that records when the scope of a connected view disposes it (the dead render's request scope is not counted).</summary>
public sealed class ScopedProbe(RuntimeProbe probe) : IDisposable
{
    public bool Connected { get; set; }

    public void Dispose()
    {
        if (Connected)
        {
            probe.Add("scope disposed");
        }
    }
}
