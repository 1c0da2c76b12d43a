using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.Recovery;
using Rekindle.Transport;

namespace Rekindle.Tests.Health;

/// <summary>The draining and state store checks that AddRekindle registers (issue 22, item 4).</summary>
public sealed class HealthCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rekindle-health").FullName;

    [Fact]
    public async Task DrainCheck_HealthyWhileServing_UnhealthyOnceStopping()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        using var sockets = new ConnectedSockets(lifetime, Options.Create(new TransportOptions()), TimeProvider.System);
        var check = new DrainHealthCheck(sockets);

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        lifetime.StopApplication();
        var draining = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, draining.Status);
        Assert.StartsWith("draining", draining.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateStoreCheck_SqliteFile_Healthy()
    {
        using var store = new SqliteStateStore(Path.Combine(_folder, "snapshots.db"), TimeProvider.System);

        var result = await new StateStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task StateStoreCheck_StoreCannotOpenItsFile_DegradedWithTheReason()
    {
        // A folder where the database file should be: SQLite cannot open it.
        using var store = new SqliteStateStore(_folder, TimeProvider.System);

        var result = await new StateStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("SqliteStateStore does not answer: ", result.Description, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
