using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Hosting;

namespace Rekindle.Hosting;

/// <summary>Unhealthy while a startup dependency (Redis on a node that started while it was down) has not answered yet.</summary>
internal sealed class StartupHealthCheck(StartupGate gate) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var waiting = string.Join(", ", gate.NotReady.Select(dependency => dependency.Name));
        return Task.FromResult(waiting.Length == 0
            ? HealthCheckResult.Healthy("every startup dependency answered")
            : HealthCheckResult.Unhealthy($"waiting for {waiting}; live views wait too"));
    }
}
