namespace Rekindle.Views;

/// <summary>
/// The async work one live view or component started (<c>AssignAsync</c>, <c>StartAsync</c>), by name.
/// The work runs on the thread pool with a token cancelled by <c>CancelAsync</c>, by a newer run of the
/// same name and by the view's end; its outcome comes back through the view's mailbox
/// (<see cref="IViewRuntime.PostOutcomeAsync"/>) and is applied on the view's loop, so the owner's
/// code never runs concurrently with itself. Only the newest run of a name is applied.
/// </summary>
internal sealed class AsyncTasks(LiveTemplate owner)
{
    private readonly Dictionary<string, AsyncRun> _runs = new(StringComparer.Ordinal);
    private long _lastRun;

    /// <summary>The names with work running (or a cancellation on its way back).</summary>
    public IReadOnlyCollection<string> Running => _runs.Keys;

    /// <summary>Starts <paramref name="work"/> under <paramref name="name"/>, cancelling an older run of it; does nothing without a runtime (the dead render).</summary>
    /// <param name="name">The key or name; a running work of the same name is cancelled and its outcome ignored.</param>
    /// <param name="work">The work, given a token cancelled by <see cref="Cancel"/>, a newer run and the view's end.</param>
    /// <param name="apply">Takes the value, or the failure's reason, on the owner's loop.</param>
    /// <param name="onCancel">Applies a cancellation at once, when <paramref name="reportCancel"/> is false.</param>
    /// <param name="reportCancel">Whether a cancellation reaches <paramref name="apply"/> (StartAsync) or was applied by <paramref name="onCancel"/> already (AssignAsync).</param>
    /// <param name="keys">The keys a multi-key AssignAsync fills, so that <see cref="Cancel"/> finds its run by any of them.</param>
    public void Start(string name, Func<CancellationToken, Task<object?>> work, Func<object?, string?, ValueTask> apply, Action onCancel, bool reportCancel, IReadOnlyList<string>? keys = null)
    {
        if (owner.Runtime is not { } runtime)
        {
            return;
        }
        if (_runs.Remove(name, out var older))
        {
            older.Cancellation.Cancel();
            older.Cancellation.Dispose();
        }
        var run = new AsyncRun(++_lastRun, CancellationTokenSource.CreateLinkedTokenSource(runtime.Cancellation), apply, onCancel, reportCancel, keys ?? [name]);
        _runs[name] = run;
        runtime.AsyncWorkStarted();
        // RunAsync catches everything the work throws and posting never throws, so nobody awaits it.
        _ = RunAsync(runtime, name, run.Id, work, run.Cancellation.Token);
    }

    /// <summary>Cancels the running work of <paramref name="name"/> (a name, or one key of a multi-key run); false when none runs.</summary>
    public bool Cancel(string name)
    {
        if (!_runs.ContainsKey(name))
        {
            name = _runs.FirstOrDefault(entry => entry.Value.Keys.Contains(name, StringComparer.Ordinal)).Key ?? name;
        }
        if (!_runs.TryGetValue(name, out var run) || run.IsCancelled)
        {
            return false;
        }
        run.IsCancelled = true;
        run.Cancellation.Cancel();
        if (run.ReportCancel)
        {
            // Like a killed task upstream: the owner hears of the cancellation now, not whenever the work notices its token.
            _ = owner.Runtime?.PostOutcomeAsync(owner, new AsyncOutcome(name, run.Id, null, new OperationCanceledException(), WorkEnded: false));
        }
        else
        {
            _runs.Remove(name);
            run.Cancellation.Dispose();
            run.OnCancel();
        }
        return true;
    }

    /// <summary>Applies an outcome on the owner's loop.</summary>
    public async ValueTask<AsyncApplied> ApplyAsync(AsyncOutcome outcome)
    {
        if (!_runs.TryGetValue(outcome.Name, out var run) || run.Id != outcome.Run)
        {
            return AsyncApplied.Stale;
        }
        _runs.Remove(outcome.Name);
        run.Cancellation.Dispose();
        if (run.IsCancelled)
        {
            await run.Apply(null, AsyncResult<object>.Cancelled);
            return AsyncApplied.Cancelled;
        }
        if (outcome.Error is { } error)
        {
            await run.Apply(null, error.Message);
            return AsyncApplied.Failed;
        }
        await run.Apply(outcome.Value, null);
        return AsyncApplied.Ok;
    }

    private async Task RunAsync(IViewRuntime runtime, string name, long id, Func<CancellationToken, Task<object?>> work, CancellationToken cancellationToken)
    {
        AsyncOutcome outcome;
        try
        {
            outcome = new AsyncOutcome(name, id, await Task.Run(() => work(cancellationToken), cancellationToken), null);
        }
        catch (Exception exception)
        {
            outcome = new AsyncOutcome(name, id, null, exception);
        }
        await runtime.PostOutcomeAsync(owner, outcome);
    }

    private sealed class AsyncRun(long id, CancellationTokenSource cancellation, Func<object?, string?, ValueTask> apply, Action onCancel, bool reportCancel, IReadOnlyList<string> keys)
    {
        public IReadOnlyList<string> Keys { get; } = keys;

        public long Id { get; } = id;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Func<object?, string?, ValueTask> Apply { get; } = apply;

        public Action OnCancel { get; } = onCancel;

        public bool ReportCancel { get; } = reportCancel;

        public bool IsCancelled { get; set; }
    }
}
