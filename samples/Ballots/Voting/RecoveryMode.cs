namespace Ballots.Voting;

/// <summary>How the election page gets its state back after a dropped socket or a server restart (configuration key <c>Recovery:Mode</c>).</summary>
public enum RecoveryMode
{
    /// <summary>Rekindle's recoverable state: the in-progress parts of each ballot are <c>[Recoverable]</c>; no hook.</summary>
    Automatic,

    /// <summary>The design note's way: a client hook stashes submitted selections and pushes them back on reconnect; no <c>[Recoverable]</c> state.</summary>
    Manual,
}
