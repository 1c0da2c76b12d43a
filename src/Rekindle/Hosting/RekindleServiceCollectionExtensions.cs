using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.PubSub;
using Rekindle.Recovery;
using Rekindle.Runtime;
using Rekindle.Transport;
using Rekindle.Uploads;
using Rekindle.Routing;
using Rekindle.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Rekindle's services.</summary>
public static class RekindleServiceCollectionExtensions
{
    /// <summary>
    /// Adds Rekindle: options bound from the <c>Rekindle</c> configuration section, ASP.NET Data
    /// Protection with the key ring persisted under <see cref="RekindleOptions.DataPath"/> (unless the
    /// app configured a key repository itself), the live view runtime, and health checks tagged
    /// <see cref="RekindleHealthChecks.ReadyTag"/> (startup dependencies, draining, the snapshot store).
    /// </summary>
    /// <example><code>builder.Services.AddRekindle(options =&gt; options.HeadHtml = "&lt;link rel=\"stylesheet\" href=\"/app.css\"&gt;");</code></example>
    public static IRekindleBuilder AddRekindle(this IServiceCollection services, Action<RekindleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RekindleOptions>().BindConfiguration("Rekindle")
            .Validate(o => o.SessionTokenLifetime > TimeSpan.Zero, "Rekindle:SessionTokenLifetime must be positive.")
            .Validate(o => o.StartupWait >= TimeSpan.Zero, "Rekindle:StartupWait must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApplicationName), "Rekindle:ApplicationName must not be empty.")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddOptions<TransportOptions>().BindConfiguration("Rekindle:Transport")
            .Validate(o => o.MaxFrameBytes >= 1024, "Rekindle:Transport:MaxFrameBytes must be at least 1024.")
            .Validate(o => o.IdleTimeout > TimeSpan.FromSeconds(30), "Rekindle:Transport:IdleTimeout must exceed the client's 30 s heartbeat.")
            .Validate(o => o.MaxViewsPerSocket > 0, "Rekindle:Transport:MaxViewsPerSocket must be positive.")
            .Validate(o => o.DrainJitter >= TimeSpan.Zero, "Rekindle:Transport:DrainJitter must not be negative.")
            .Validate(o => o.MaxPushesPerSecond > 0 && o.PushBurst >= 1, "Rekindle:Transport:MaxPushesPerSecond must be positive and PushBurst at least 1.")
            .Validate(o => o.MaxJoinsPerMinutePerAddress > 0, "Rekindle:Transport:MaxJoinsPerMinutePerAddress must be positive.")
            .Validate(o => o.MaxOutboxBytes >= 64 * 1024, "Rekindle:Transport:MaxOutboxBytes must be at least 65536.")
            .Validate(o => o.MaxRejoinsPerMinutePerAddress > 0, "Rekindle:Transport:MaxRejoinsPerMinutePerAddress must be positive.")
            .Validate(o => o.MaxJoinsPerMinutePerSession > 0, "Rekindle:Transport:MaxJoinsPerMinutePerSession must be positive.")
            .Validate(o => o.MaxJoinWait > TimeSpan.Zero && o.MaxJoinWait < TimeSpan.FromSeconds(10), "Rekindle:Transport:MaxJoinWait must be positive and under the client's 10 s join timeout.")
            .ValidateOnStart();
        services.AddOptions<RuntimeOptions>().BindConfiguration("Rekindle:Runtime")
            .Validate(o => o.MailboxCapacity > 0, "Rekindle:Runtime:MailboxCapacity must be positive.")
            .Validate(o => o.HandlerTimeout > TimeSpan.Zero, "Rekindle:Runtime:HandlerTimeout must be positive.")
            .Validate(o => o.MaxComponentsPerView > 0, "Rekindle:Runtime:MaxComponentsPerView must be positive.")
            .Validate(o => o.MaxRenderBytes >= 1024, "Rekindle:Runtime:MaxRenderBytes must be at least 1024.")
            .ValidateOnStart();

        services.AddOptions<RecoveryOptions>().BindConfiguration("Rekindle:Recovery")
            .Validate(o => o.MaxAge > TimeSpan.Zero, "Rekindle:Recovery:MaxAge must be positive.")
            .Validate(o => o.MaxSnapshotBytes >= 1024, "Rekindle:Recovery:MaxSnapshotBytes must be at least 1024.")
            .Validate(o => o.StoreOutageHold >= TimeSpan.Zero, "Rekindle:Recovery:StoreOutageHold must not be negative.")
            .ValidateOnStart();

        services.AddOptions<PubSubOptions>().BindConfiguration("Rekindle:PubSub")
            .Validate(o => o.LogLength > 0, "Rekindle:PubSub:LogLength must be positive.")
            .Validate(o => o.MaxReplayedMessages >= 0, "Rekindle:PubSub:MaxReplayedMessages must not be negative.")
            .ValidateOnStart();

        services.AddDataProtection();
        services.AddOptions<DataProtectionOptions>()
            .PostConfigure<IServiceProvider, IOptions<RekindleOptions>>((protection, provider, rekindle) =>
            {
                // Still Data Protection's default (the content root path): the app named none itself.
                if (protection.ApplicationDiscriminator == provider.GetApplicationUniqueIdentifier())
                {
                    protection.ApplicationDiscriminator = rekindle.Value.ApplicationName;
                }
            });
        services.AddOptions<KeyManagementOptions>()
            .PostConfigure<IOptions<RekindleOptions>, IHostEnvironment, ILoggerFactory>((keys, rekindle, environment, loggers) =>
            {
                if (keys.XmlRepository is null)
                {
                    var folder = Path.Combine(environment.ContentRootPath, rekindle.Value.DataPath, "keys");
                    keys.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(folder), loggers);
                }
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SessionTokens>();
        services.TryAddSingleton<BrowserSession>();
        services.TryAddSingleton<LiveRouteTable>();
        services.TryAddSingleton<LiveSessionHooks>();
        services.TryAddSingleton<LiveSessionLayouts>();
        services.TryAddSingleton<FlashTokens>();
        services.TryAddSingleton<ViewMounter>();
        services.TryAddSingleton<ChildViewJoiner>();
        services.TryAddSingleton<ViewJoiner>();
        services.TryAddSingleton<IViewJoiner>(provider => provider.GetRequiredService<ViewJoiner>());
        services.TryAddSingleton<SnapshotService>();
        services.TryAddSingleton<RecoveryMetrics>();
        services.TryAddSingleton<RekindleMetrics>();
        services.TryAddSingleton<ViewProcessFactory>();
        services.TryAddSingleton<AsyncWorkTracker>();
        services.TryAddSingleton<DeadRenderer>();
        services.TryAddSingleton<LiveSocketEndpoint>();
        services.TryAddSingleton<LongPollEndpoint>();
        services.TryAddSingleton<LongPollSessions>();
        services.TryAddSingleton<ConnectedSockets>();
        services.TryAddSingleton<JoinAdmission>();
        services.TryAddSingleton(provider => new UploadTempFolder(DataFile(provider, "temp"), provider.GetRequiredService<ILogger<UploadTempFolder>>()));
        services.TryAddSingleton<UploadService>();
        services.TryAddSingleton(provider => new SqliteTopicLog(
            DataFile(provider, "topics.db"),
            provider.GetRequiredService<IOptions<PubSubOptions>>().Value.LogLength,
            provider.GetRequiredService<IOptions<RecoveryOptions>>().Value.MaxAge,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteTopicLog>>()));
        services.TryAddSingleton<IPubSub, LocalPubSub>();
        services.TryAddSingleton<IPresence, LocalPresence>();
        services.TryAddSingleton<INodeRelay, LocalNodeRelay>();
        services.TryAddSingleton<IStateStore>(provider => new SqliteStateStore(DataFile(provider, "snapshots.db"), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ClientAssets>();
        services.TryAddSingleton<StartupGate>();
        services.AddHealthChecks()
            .AddCheck<StartupHealthCheck>("rekindle-startup", tags: [RekindleHealthChecks.ReadyTag])
            .AddCheck<DrainHealthCheck>("rekindle-draining", tags: [RekindleHealthChecks.ReadyTag])
            .AddCheck<StateStoreHealthCheck>("rekindle-state-store", tags: [RekindleHealthChecks.ReadyTag]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, WebSocketsStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StylesheetWatcher>());
        return new RekindleBuilder(services);
    }

    private static string DataFile(IServiceProvider provider, string name) =>
        Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, provider.GetRequiredService<IOptions<RekindleOptions>>().Value.DataPath, name);

    private sealed class RekindleBuilder(IServiceCollection services) : IRekindleBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
