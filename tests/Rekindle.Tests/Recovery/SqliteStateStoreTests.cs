using Rekindle.Recovery;

namespace Rekindle.Tests.Recovery;

/// <summary>The conformance suite on a real SQLite file.</summary>
public sealed class SqliteStateStoreTests : StateStoreConformanceTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rekindle-sqlite-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteStateStore _store;

    public SqliteStateStoreTests() => _store = new SqliteStateStore(Path.Combine(_folder, "snapshots.db"), Time);

    protected override IStateStore Store => _store;

    [Fact]
    public async Task Snapshots_SurviveANewStoreOnTheSameFile()
    {
        await _store.SaveAsync("k", 1, new byte[] { 7 }, TimeSpan.FromHours(1), CancellationToken.None);
        using var reopened = new SqliteStateStore(Path.Combine(_folder, "snapshots.db"), Time);

        Assert.Equal([7], await reopened.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentSaves_AreAllCommitted()
    {
        var saves = Enumerable.Range(0, 300).Select(i => _store.SaveAsync($"k{i}", 1, new byte[] { (byte)i }, TimeSpan.FromHours(1), CancellationToken.None).AsTask());

        await Task.WhenAll(saves);

        for (var i = 0; i < 300; i += 37)
        {
            Assert.Equal(new[] { (byte)i }, await _store.LoadAsync($"k{i}", CancellationToken.None));
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
