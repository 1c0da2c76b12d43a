using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Rekindle.Telemetry;

namespace Ballots;

/// <summary>
/// OpenTelemetry for the sample: Rekindle's spans and metrics beside ASP.NET Core's, off unless
/// <c>Telemetry:Exporter</c> says where they go: <c>console</c> (stdout) or <c>otlp</c> (a collector at
/// <c>Telemetry:OtlpEndpoint</c>, else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, else
/// <c>http://localhost:4317</c>).
/// </summary>
public static class BallotsTelemetry
{
    public const string ExporterKey = "Telemetry:Exporter";
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";

    public static void Add(WebApplicationBuilder builder)
    {
        var exporter = builder.Configuration[ExporterKey]?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(exporter) || exporter == "none")
        {
            return;
        }
        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"{ExporterKey} is '{builder.Configuration[ExporterKey]}'. Expected none, console or otlp.");
        }
        var endpoint = builder.Configuration[OtlpEndpointKey];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(RekindleTelemetry.ActivitySourceName).AddAspNetCoreInstrumentation();
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(otlp => SetEndpoint(otlp, endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(RekindleTelemetry.MeterName, RekindleTelemetry.RecoveryMeterName).AddAspNetCoreInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(otlp => SetEndpoint(otlp, endpoint));
                }
            });
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions otlp, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            otlp.Endpoint = new Uri(endpoint);
        }
    }
}
