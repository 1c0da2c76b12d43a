using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.PubSub;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>Runs Rekindle as several nodes sharing Redis.</summary>
public static class RekindleRedisExtensions
{
    private const string KeyRingKey = "rekindle:data-protection-keys";

    /// <summary>
    /// Uses Redis for PubSub (broadcasts reach views on every node), for presence (every node sees the
    /// presences of all; a dead node's leave within <see cref="RekindleRedisOptions.PresenceNodeTimeout"/>
    /// plus <see cref="RekindleRedisOptions.PresenceHeartbeat"/>), for the long-poll fallback (a
    /// node passes a request for a session another node holds on to it, so no sticky sessions are
    /// needed), for snapshots of recoverable
    /// state (a view restores on any node), and for the Data Protection key ring (tokens made on one
    /// node are valid on all). Settings are bound from the <c>Rekindle:Redis</c> configuration section,
    /// then <paramref name="configure"/> runs on them; <see cref="RekindleRedisOptions.Configuration"/> is required.
    /// While Redis is unreachable, views keep working on their node: calls fail within
    /// <see cref="RekindleRedisOptions.OperationTimeout"/>, snapshots wait in memory and broadcasts
    /// reach only this node's views (with a logged error), until Redis answers again. A node started
    /// while Redis is down holds live pages and sockets until Redis answers (up to
    /// <see cref="RekindleOptions.StartupWait"/>), and its readiness health check says not ready meanwhile;
    /// the <c>rekindle-redis</c> health check reports the connection.
    /// </summary>
    /// <example><code>builder.Services.AddRekindle().AddRedis(options => options.OperationTimeout = TimeSpan.FromSeconds(1));</code></example>
    public static IRekindleBuilder AddRedis(this IRekindleBuilder builder, Action<RekindleRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RekindleRedisOptions>().BindConfiguration("Rekindle:Redis")
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Configuration), "Rekindle:Redis:Configuration is required (e.g. 127.0.0.1:6379).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApplicationName), "Rekindle:Redis:ApplicationName must not be empty.")
            .Validate(o => o.OperationTimeout > TimeSpan.Zero, "Rekindle:Redis:OperationTimeout must be positive.")
            .Validate(o => o.MaxPendingSnapshots >= 0, "Rekindle:Redis:MaxPendingSnapshots must not be negative.")
            .Validate(o => o.RetryInterval > TimeSpan.Zero, "Rekindle:Redis:RetryInterval must be positive.")
            .Validate(o => o.PresenceHeartbeat > TimeSpan.Zero, "Rekindle:Redis:PresenceHeartbeat must be positive.")
            .Validate(o => o.PresenceNodeTimeout >= 2 * o.PresenceHeartbeat, "Rekindle:Redis:PresenceNodeTimeout must be at least twice PresenceHeartbeat.")
            .ValidateOnStart();

        var services = builder.Services;
        services.TryAddSingleton<IConnectionMultiplexer>(provider => Connect(provider.GetRequiredService<IOptions<RekindleRedisOptions>>().Value));
        services.Replace(ServiceDescriptor.Singleton<IPubSub, RedisPubSub>());
        services.Replace(ServiceDescriptor.Singleton<IStateStore>(provider => new BufferedStateStore(
            new RedisStateStore(provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<ILogger<RedisStateStore>>()),
            provider.GetRequiredService<IOptions<RekindleRedisOptions>>().Value,
            provider.GetRequiredService<ILogger<BufferedStateStore>>())));
        services.Replace(ServiceDescriptor.Singleton<INodeRelay, RedisNodeRelay>());
        services.TryAddSingleton(provider => new RedisPresenceStore(provider.GetRequiredService<IConnectionMultiplexer>()));
        services.TryAddSingleton(provider => new RedisPresence(
            provider.GetRequiredService<RedisPresenceStore>(),
            provider.GetRequiredService<IOptions<RekindleRedisOptions>>().Value,
            provider.GetRequiredService<ILogger<RedisPresence>>()));
        services.Replace(ServiceDescriptor.Singleton<IPresence>(provider => provider.GetRequiredService<RedisPresence>()));
        services.AddHostedService(provider => new PresenceSync(
            provider.GetRequiredService<RedisPresence>(),
            provider.GetRequiredService<RedisPresenceStore>(),
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<IOptions<RekindleRedisOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<PresenceSync>>()));
        services.TryAddSingleton(provider => new RedisReadiness(
            provider.GetRequiredService<IConnectionMultiplexer>(),
            provider.GetRequiredService<IKeyManager>(),
            provider.GetRequiredService<IOptions<RekindleRedisOptions>>().Value,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<RedisReadiness>>()));
        services.AddSingleton<IStartupDependency>(provider => provider.GetRequiredService<RedisReadiness>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisReadiness>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("rekindle-redis", tags: [RekindleHealthChecks.ReadyTag]);
        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>().Configure<IOptions<RekindleRedisOptions>>(
            (protection, redis) => protection.ApplicationDiscriminator = redis.Value.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>(
            (keys, provider) => keys.XmlRepository = new RedisXmlRepository(() => provider.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), KeyRingKey));
        return builder;
    }

    /// <summary>
    /// The same as <see cref="AddRedis(IRekindleBuilder, Action{RekindleRedisOptions})"/> with the
    /// settings of the <c>Rekindle:Redis</c> configuration section alone.
    /// </summary>
    /// <example><code>
    /// // appsettings.json: { "Rekindle": { "Redis": { "Configuration": "127.0.0.1:6379" } } }
    /// builder.Services.AddRekindle().AddRedis();
    /// </code></example>
    public static IRekindleBuilder AddRedis(this IRekindleBuilder builder) => builder.AddRedis(_ => { });

    /// <summary>
    /// The same as <see cref="AddRedis(IRekindleBuilder, Action{RekindleRedisOptions})"/> with
    /// <see cref="RekindleRedisOptions.Configuration"/> set to <paramref name="configuration"/>, over
    /// what the configuration section says.
    /// </summary>
    /// <example><code>builder.Services.AddRekindle().AddRedis("127.0.0.1:6379");</code></example>
    public static IRekindleBuilder AddRedis(this IRekindleBuilder builder, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.AddRedis(options => options.Configuration = configuration);
    }

    private static ConnectionMultiplexer Connect(RekindleRedisOptions redisOptions)
    {
        var options = ConfigurationOptions.Parse(redisOptions.Configuration);
        options.AbortOnConnectFail = false;
        // Fail at once while disconnected rather than queue: a view must not wait on a dead Redis.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AsyncTimeout = options.SyncTimeout = (int)redisOptions.OperationTimeout.TotalMilliseconds;
        // Try again at a steady pace rather than the library's growing back-off: a node waiting for
        // Redis at startup, or keeping snapshots in memory, should be back within a second of Redis.
        options.ReconnectRetryPolicy = new LinearRetry((int)redisOptions.RetryInterval.TotalMilliseconds);
        return ConnectionMultiplexer.Connect(options);
    }
}
