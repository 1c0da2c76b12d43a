using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Rekindle.Recovery;
using Rekindle.Rendering;

namespace Rekindle.Tests.Recovery;

/// <summary>The sticky views' handoff on a real SQLite file: the change saved last wins, whichever page saved it; another browser session sees none.</summary>
public sealed class StickyHandoffsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rekindle-handoff-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();
    private readonly SqliteStateStore _store;
    private readonly StickyHandoffs _handoffs;
    private readonly string _id = StickyHandoffs.Id(typeof(StickyHandoffsTests), "player");

    public StickyHandoffsTests()
    {
        _store = new SqliteStateStore(Path.Combine(_folder, "snapshots.db"), _time);
        _handoffs = new StickyHandoffs(_store, new RecoveryOptions(), _time, NullLogger.Instance);
    }

    private static byte[] Snapshot(string page, long generation, int count, string pad = "") => JsonSerializer.SerializeToUtf8Bytes(
        new ViewSnapshot(ViewSnapshot.CurrentVersion, page + "/player", "browser-1", "t", "h", generation, new JsonObject { ["Count"] = count, ["Pad"] = pad }, [], []),
        WireJson.PayloadOptions);

    [Fact]
    public async Task LoadAsync_TwoPagesSaved_ReturnsTheLastSavedWhateverItsPagesGeneration()
    {
        // The first page joined later (higher generations) but the second saved last.
        await _handoffs.SaveAsync(Snapshot("page-a", 9_000_000_000_000_000, 3), _id, "browser-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _handoffs.SaveAsync(Snapshot("page-b", 1, 7), _id, "browser-1", CancellationToken.None);

        var handoff = await _handoffs.LoadAsync(_id, "browser-1", CancellationToken.None);

        Assert.NotNull(handoff);
        Assert.Equal(7, (int)handoff.State["Count"]!);
        Assert.Equal("page-b/player", handoff.ViewId);
    }

    [Fact]
    public async Task LoadAsync_AnotherBrowserSessionOrStickyId_ReturnsNull()
    {
        await _handoffs.SaveAsync(Snapshot("page-a", 1, 3), _id, "browser-1", CancellationToken.None);

        Assert.Null(await _handoffs.LoadAsync(_id, "browser-2", CancellationToken.None));
        Assert.Null(await _handoffs.LoadAsync(StickyHandoffs.Id(typeof(StickyHandoffsTests), "other"), "browser-1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_LargerThanTheSnapshotLimit_KeepsTheEarlierHandoff()
    {
        var handoffs = new StickyHandoffs(_store, new RecoveryOptions { MaxSnapshotBytes = 300 }, _time, NullLogger.Instance);
        await handoffs.SaveAsync(Snapshot("page-a", 1, 3), _id, "browser-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var large = Snapshot("page-a", 2, 4, pad: new string('x', 400));

        await handoffs.SaveAsync(large, _id, "browser-1", CancellationToken.None);

        Assert.Equal(3, (int)(await handoffs.LoadAsync(_id, "browser-1", CancellationToken.None))!.State["Count"]!);
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
