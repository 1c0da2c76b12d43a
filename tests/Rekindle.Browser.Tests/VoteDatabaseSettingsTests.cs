using Ballots.Data;
using Microsoft.Extensions.Configuration;

namespace Rekindle.Browser.Tests;

/// <summary>How the Ballots sample picks its database from <c>Database:Provider</c> and <c>Database:ConnectionString</c>.</summary>
public sealed class VoteDatabaseSettingsTests
{
    private static readonly string SqlitePath = Path.Combine(Path.GetTempPath(), "rekindle-tests", "settings-" + Guid.NewGuid().ToString("N"), "ballots.db");

    [Fact]
    public async Task Create_NoProvider_IsSqliteInTheDataFolder()
    {
        await using var database = VoteDatabaseSettings.Create(Configuration(), SqlitePath);

        Assert.Equal(SqlitePath, Assert.IsType<SqliteVoteDatabase>(database).DatabasePath);
    }

    [Fact]
    public async Task Create_Postgres_UsesTheConnectionString()
    {
        await using var database = VoteDatabaseSettings.Create(Configuration(("Database:Provider", "postgres"), ("Database:ConnectionString", "Host=db.internal;Port=5433;Username=ballots;Password=secret;Database=votes")), SqlitePath);

        Assert.IsType<PostgresVoteDatabase>(database);
        Assert.Equal("PostgreSQL database db.internal:5433/votes", database.Description);
    }

    [Fact]
    public void Create_PostgresWithoutConnectionString_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VoteDatabaseSettings.Create(Configuration(("Database:Provider", "Postgres")), SqlitePath));

        Assert.StartsWith("Database:Provider is Postgres but Database:ConnectionString is empty.", error.Message);
    }

    [Fact]
    public void Create_UnknownProvider_NamesTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => VoteDatabaseSettings.Create(Configuration(("Database:Provider", "Mongo")), SqlitePath));

        Assert.Equal("Database:Provider is 'Mongo'. Expected Sqlite or Postgres.", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
