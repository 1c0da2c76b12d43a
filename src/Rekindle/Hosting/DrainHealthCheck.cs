using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Transport;

namespace Rekindle.Hosting;

/// <summary>Unhealthy once the node is shutting down: its sockets are being closed with 1012 and new ones refused.</summary>
internal sealed class DrainHealthCheck(ConnectedSockets sockets) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sockets.IsDraining
            ? HealthCheckResult.Unhealthy("draining: the node is shutting down and its views reconnect elsewhere")
            : HealthCheckResult.Healthy($"serving {sockets.Count} sockets"));
}
