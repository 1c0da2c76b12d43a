namespace Rekindle.Views;

/// <summary>What applying an <see cref="AsyncOutcome"/> to its owner did.</summary>
internal enum AsyncApplied
{
    /// <summary>A run that was superseded, cancelled earlier or belongs to an ended owner: ignored.</summary>
    Stale,

    /// <summary>The work's value was applied.</summary>
    Ok,

    /// <summary>The run was cancelled with <c>CancelAsync</c>; the owner saw the cancelled failure.</summary>
    Cancelled,

    /// <summary>The work threw; the owner saw the failure, and the runtime logs the exception.</summary>
    Failed,
}
