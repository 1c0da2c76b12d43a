using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Degraded while the connection to Redis is down (views keep working on this node, snapshots wait
/// in memory and broadcasts reach only this node's views), healthy otherwise. Never unhealthy: every
/// node shares the one Redis, so pulling them all from the load balancer would help nobody; a node
/// that started without Redis is reported by the startup check instead.
/// </summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, IStateStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (store as BufferedStateStore)?.PendingCount ?? 0;
        return Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy($"connected; {pending} snapshots waiting in memory")
            : HealthCheckResult.Degraded($"disconnected; {pending} snapshots waiting in memory, broadcasts reach this node only"));
    }
}
