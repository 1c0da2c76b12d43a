namespace Rekindle.Views;

/// <summary>How one run of async work ended, on its way back through the owner's mailbox.</summary>
/// <param name="Name">The key or name the work was started under.</param>
/// <param name="Run">Which run of that name, so a superseded run's outcome is ignored.</param>
/// <param name="Value">The work's result when it succeeded.</param>
/// <param name="Error">The exception the work threw (an <see cref="OperationCanceledException"/> when cancelled).</param>
/// <param name="WorkEnded">False for the notice <c>CancelAsync</c> posts ahead of the work's own end.</param>
internal sealed record AsyncOutcome(string Name, long Run, object? Value, Exception? Error, bool WorkEnded = true);
