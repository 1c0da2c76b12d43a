namespace Rekindle.Hosting;

/// <summary>
/// Something a node needs before it can serve live views, such as the Redis that holds the key ring
/// and the snapshots (<c>AddRedis</c> registers one). Live routes and the live socket wait for every
/// registered dependency, up to <see cref="RekindleOptions.StartupWait"/>, instead of failing; the
/// readiness health check reports the ones not ready yet.
/// </summary>
/// <example><code>builder.Services.AddSingleton&lt;IStartupDependency, SearchIndexDependency&gt;();</code></example>
public interface IStartupDependency
{
    /// <summary>Named in the readiness health check and in the logs.</summary>
    string Name { get; }

    /// <summary>Completes once the dependency has answered; never faults.</summary>
    Task Ready { get; }
}
