using System.Diagnostics.Metrics;

namespace Rekindle.Telemetry;

/// <summary>
/// Instruments of the <see cref="RekindleTelemetry.MeterName"/> meter: read them with
/// <c>dotnet-counters monitor -n &lt;app&gt; --counters Rekindle</c> or OpenTelemetry. Tags carry the
/// view type and outcomes, never event names: those come from the network and would let a client
/// create time series without bound.
/// </summary>
internal sealed class RekindleMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _joins;
    private readonly Counter<long> _events;
    private readonly Counter<long> _crashes;
    private readonly Histogram<double> _eventDuration;

    public RekindleMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(RekindleTelemetry.MeterName);
        _joins = _meter.CreateCounter<long>("rekindle.view.joins", "{join}", "Joins by result (rekindle.join.result: mounted, restored, refused, redirected, deferred, crashed).");
        _events = _meter.CreateCounter<long>("rekindle.view.events", "{event}", "Client events handled, by view.");
        _crashes = _meter.CreateCounter<long>("rekindle.view.crashes", "{view}", "Views ended by an exception or a handler timeout, by view.");
        _eventDuration = _meter.CreateHistogram<double>("rekindle.event.duration", "s", "Time from a client event's arrival at its view to its reply, render included.");
    }

    public void Joined(string result) => _joins.Add(1, new KeyValuePair<string, object?>(TelemetryTags.JoinResult, result));

    public void Crashed(string view) => _crashes.Add(1, new KeyValuePair<string, object?>(TelemetryTags.View, view));

    public void EventHandled(string view, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>(TelemetryTags.View, view);
        _events.Add(1, tag);
        _eventDuration.Record(elapsed.TotalSeconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
