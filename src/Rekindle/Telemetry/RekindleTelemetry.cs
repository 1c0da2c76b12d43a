namespace Rekindle.Telemetry;

/// <summary>
/// The names under which Rekindle reports traces and metrics, to subscribe to with OpenTelemetry
/// (or any <see cref="System.Diagnostics.ActivityListener"/> and <see cref="System.Diagnostics.Metrics.MeterListener"/>).
/// Spans and measurements cost next to nothing until something listens.
/// </summary>
/// <example><code>
/// builder.Services.AddOpenTelemetry()
///     .WithTracing(tracing => tracing.AddSource(RekindleTelemetry.ActivitySourceName).AddAspNetCoreInstrumentation())
///     .WithMetrics(metrics => metrics.AddMeter(RekindleTelemetry.MeterName, RekindleTelemetry.RecoveryMeterName));
/// </code></example>
public static class RekindleTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> of every Rekindle span: the dead render's
    /// mount, a view's join, events, live patches, info messages, broadcasts, renders and snapshots.
    /// </summary>
    public const string ActivitySourceName = "Rekindle";

    /// <summary>The meter of views: joins by result, events, crashes, and the time to handle an event.</summary>
    public const string MeterName = "Rekindle";

    /// <summary>The meter of recovery: snapshot sizes and save times, failed saves, restores by outcome.</summary>
    public const string RecoveryMeterName = "Rekindle.Recovery";
}
