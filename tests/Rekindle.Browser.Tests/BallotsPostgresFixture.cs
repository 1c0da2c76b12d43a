using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A PostgreSQL server with a database of its own, the Ballots sample (plus the test views) started on
/// it with <c>--Database:Provider=Postgres</c>, and Chromium; one per test class.
/// </summary>
public sealed class BallotsPostgresFixture() : HostArgumentsBrowserFixture()
{
    private PostgresServer? _postgres;

    protected override async Task<string[]> StartDependenciesAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        var database = await _postgres.CreateDatabaseAsync();
        return ["--Database:Provider", "Postgres", "--Database:ConnectionString", database];
    }

    protected override async ValueTask DisposeDependenciesAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
