using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;

namespace Rekindle.Recovery;

/// <summary>Chooses where snapshots of recoverable state are kept.</summary>
public static class RekindleBuilderRecoveryExtensions
{
    /// <summary>
    /// Keeps snapshots in a SQLite file on this machine instead of in the browser.
    /// </summary>
    /// <param name="builder">From <c>AddRekindle()</c>.</param>
    /// <param name="databasePath">The file; relative paths are under <see cref="RekindleOptions.DataPath"/>. Default: <c>snapshots.db</c>.</param>
    /// <example><code>builder.Services.AddRekindle().AddSqliteStateStore();</code></example>
    public static IRekindleBuilder AddSqliteStateStore(this IRekindleBuilder builder, string databasePath = "snapshots.db")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IStateStore>(services =>
        {
            var environment = services.GetRequiredService<IHostEnvironment>();
            var dataPath = Path.Combine(environment.ContentRootPath, services.GetRequiredService<IOptions<RekindleOptions>>().Value.DataPath);
            return new SqliteStateStore(Path.Combine(dataPath, databasePath), services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }
}
