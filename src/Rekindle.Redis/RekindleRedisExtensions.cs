using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
    /// reach only this node's views (with a logged error), until Redis answers again.
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
        var redis = ConnectionMultiplexer.Connect(options);
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddSingleton(redisOptions);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPubSub, RedisPubSub>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IStateStore>(services => new BufferedStateStore(
            new RedisStateStore(services.GetRequiredService<IConnectionMultiplexer>()),
            redisOptions,
            services.GetRequiredService<ILogger<BufferedStateStore>>())));
        builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToStackExchangeRedis(redis, "rekindle:data-protection-keys");
        return builder;
    }
}
