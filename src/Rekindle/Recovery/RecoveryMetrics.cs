using System.Diagnostics.Metrics;
using Rekindle.Telemetry;

namespace Rekindle.Recovery;

/// <summary>
/// Instruments of the <c>Rekindle.Recovery</c> meter: read them with
/// <c>dotnet-counters monitor -n &lt;app&gt; --counters Rekindle.Recovery</c>.
/// </summary>
internal sealed class RecoveryMetrics : IDisposable
{
    public const string MeterName = RekindleTelemetry.RecoveryMeterName;
    private readonly Meter _meter;

    public RecoveryMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        SnapshotBytes = _meter.CreateHistogram<int>("rekindle.snapshot.size", "By", "Serialized size of each saved snapshot.");
        SaveDuration = _meter.CreateHistogram<double>("rekindle.snapshot.save.duration", "ms", "Time to save a snapshot (until committed, for server stores).");
        Oversize = _meter.CreateCounter<long>("rekindle.snapshot.oversize", "{snapshot}", "Snapshots not saved because they exceeded Rekindle:Recovery:MaxSnapshotBytes.");
        SaveFailed = _meter.CreateCounter<long>("rekindle.snapshot.save.failed", "{snapshot}", "Snapshots the store failed to save (store unreachable or failing).");
        Restores = _meter.CreateCounter<long>("rekindle.restore", "{join}", "Joins by restore outcome (tag result: hit, miss, refused, unavailable).");
    }

    public Histogram<int> SnapshotBytes { get; }

    public Histogram<double> SaveDuration { get; }

    public Counter<long> Oversize { get; }

    public Counter<long> SaveFailed { get; }

    public Counter<long> Restores { get; }

    public void Restore(string result) => Restores.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Dispose() => _meter.Dispose();
}
