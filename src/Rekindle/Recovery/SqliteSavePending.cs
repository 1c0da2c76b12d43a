namespace Rekindle.Recovery;

/// <summary>One save queued for the next commit of <see cref="SqliteStateStore"/>; completes once its transaction committed.</summary>
internal sealed class SqliteSavePending(string key, long generation, byte[] snapshot, TimeSpan timeToLive)
    : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public string Key => key;

    public long Generation => generation;

    public byte[] Snapshot => snapshot;

    public TimeSpan TimeToLive => timeToLive;
}
