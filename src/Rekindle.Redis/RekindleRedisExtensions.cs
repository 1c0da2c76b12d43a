using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Rekindle.Health;
using Rekindle.Hosting;
using Rekindle.PubSub;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>Runs Rekindle as several nodes sharing Redis.</summary>
public static class RekindleRedisExtensions
{
    /// <summary>
    /// Uses Redis for PubSub (broadcasts reach views on every node), for snapshots of recoverable
    /// state (a view restores on any node), and for the Data Protection key ring (tokens made on one
    /// node are valid on all). Every node must use the same <paramref name="applicationName"/>.
    /// While Redis is unreachable, views keep working on their node: calls fail within
    /// <see cref="RekindleRedisOptions.OperationTimeout"/>, snapshots wait in memory and broadcasts
    /// reach only this node's views (with a logged error), until Redis answers again. A node started
    /// while Redis is down holds live pages and sockets until Redis answers (up to
    /// <see cref="RekindleOptions.StartupWait"/>), and its readiness health check says not ready meanwhile;
    /// the <c>rekindle-redis</c> health check reports the connection.
    /// </summary>
    /// <example><code>builder.Services.AddRekindle().AddRedis("127.0.0.1:6379");</code></example>
    public static IRekindleBuilder AddRedis(this IRekindleBuilder builder, string connectionString, Action<RekindleRedisOptions>? configure = null, string applicationName = "Rekindle")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redisOptions = new RekindleRedisOptions();
        configure?.Invoke(redisOptions);
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        // Fail at once while disconnected rather than queue: a view must not wait on a dead Redis.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = options.SyncTimeout = (int)redisOptions.OperationTimeout.TotalMilliseconds;
        // Try again at a steady pace rather than the library's growing back-off: a node waiting for
        // Redis at startup, or keeping snapshots in memory, should be back within a second of Redis.
        options.ReconnectRetryPolicy = new LinearRetry((int)redisOptions.RetryInterval.TotalMilliseconds);
        var redis = ConnectionMultiplexer.Connect(options);
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton(redisOptions);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPubSub, RedisPubSub>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IStateStore>(services => new BufferedStateStore(
            new RedisStateStore(services.GetRequiredService<IConnectionMultiplexer>()),
            redisOptions,
            services.GetRequiredService<ILogger<BufferedStateStore>>())));
        builder.Services.TryAddSingleton<RedisReadiness>();
        builder.Services.AddSingleton<IStartupDependency>(services => services.GetRequiredService<RedisReadiness>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisReadiness>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("rekindle-redis", tags: [RekindleHealthChecks.ReadyTag]);
        builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToStackExchangeRedis(redis, "rekindle:data-protection-keys");
        return builder;
    }
}
