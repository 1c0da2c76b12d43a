using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Recovery;

namespace Rekindle.Hosting;

/// <summary>
/// Reads a key that never exists from the snapshot store. Degraded, not unhealthy, when the store does
/// not answer: views keep working on this node (a Redis store keeps snapshots in memory meanwhile), so
/// taking the node out of a load balancer would only move its users for nothing.
/// </summary>
internal sealed class StateStoreHealthCheck(IStateStore store) : IHealthCheck
{
    private const string ProbeKey = "rekindle:health-probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.LoadAsync(ProbeKey, timeout.Token).AsTask().WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{store.GetType().Name} answers");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded($"{store.GetType().Name} does not answer: {exception.Message}");
        }
    }
}
