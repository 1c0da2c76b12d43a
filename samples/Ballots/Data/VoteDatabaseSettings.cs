namespace Ballots.Data;

/// <summary>
/// Picks the Ballots database from configuration: <c>Database:Provider</c> is <c>Sqlite</c> (the
/// default: <c>ballots.db</c> in the data folder) or <c>Postgres</c>, which needs
/// <c>Database:ConnectionString</c> (an Npgsql connection string).
/// </summary>
public static class VoteDatabaseSettings
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "Database:ConnectionString";

    public static IVoteDatabase Create(IConfiguration configuration, string sqlitePath)
    {
        var provider = configuration[ProviderKey]?.Trim();
        if (string.IsNullOrEmpty(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteVoteDatabase(sqlitePath);
        }
        if (!provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{ProviderKey} is '{provider}'. Expected Sqlite or Postgres.");
        }
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is Postgres but {ConnectionStringKey} is empty. Expected an Npgsql connection string such as 'Host=127.0.0.1;Port=5432;Username=ballots;Password=...;Database=ballots'.");
        }
        return new PostgresVoteDatabase(connectionString);
    }
}
