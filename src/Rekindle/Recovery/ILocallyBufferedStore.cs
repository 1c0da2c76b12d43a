namespace Rekindle.Recovery;

/// <summary>
/// A snapshot store that answers some loads from a copy kept on this node while its backend is
/// unreachable (Rekindle.Redis keeps the saves Redis could not take). Such an answer says nothing of
/// the backend, so it must not end the outage waits of other views (<see cref="StoreOutageWaits"/>):
/// they would start over at each of them and wait for the whole outage instead of mounting.
/// </summary>
internal interface ILocallyBufferedStore
{
    /// <summary>Whether a load of <paramref name="key"/> would now be answered from this node's copy.</summary>
    bool HoldsLocally(string key);
}
