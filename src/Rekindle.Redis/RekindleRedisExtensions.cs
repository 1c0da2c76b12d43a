using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
    /// </summary>
    /// <example><code>builder.Services.AddRekindle().AddRedis("127.0.0.1:6379");</code></example>
    public static IRekindleBuilder AddRedis(this IRekindleBuilder builder, string connectionString, string applicationName = "Rekindle")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(options);
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.Replace(ServiceDescriptor.Singleton<IPubSub, RedisPubSub>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IStateStore>(services => new RedisStateStore(services.GetRequiredService<IConnectionMultiplexer>())));
        builder.Services.AddDataProtection()
            .SetApplicationName(applicationName)
            .PersistKeysToStackExchangeRedis(redis, "rekindle:data-protection-keys");
        return builder;
    }
}
