using Ballots.Data;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>One PostgreSQL server for the class; each test gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The Ballots sample's <see cref="VoteStore"/> on a real PostgreSQL server (<c>--Database:Provider=Postgres</c>).</summary>
public sealed class BallotsPostgresStoreTests(PostgresFixture postgres) : VoteStoreContract, IClassFixture<PostgresFixture>
{
    protected override Task<string> NewDatabaseAsync() => postgres.Server.CreateDatabaseAsync();

    protected override IVoteDatabase Open(string location) => new PostgresVoteDatabase(location);
}
