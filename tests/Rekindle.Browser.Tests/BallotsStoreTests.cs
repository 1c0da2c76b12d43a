using Ballots.Data;
using Microsoft.Data.Sqlite;

namespace Rekindle.Browser.Tests;

/// <summary>The Ballots sample's <see cref="VoteStore"/> on real SQLite files (no browser).</summary>
public sealed class BallotsStoreTests : VoteStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rekindle-tests", "ballots-store-" + Guid.NewGuid().ToString("N"));

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db"));

    protected override IVoteDatabase Open(string location) => new SqliteVoteDatabase(location);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
