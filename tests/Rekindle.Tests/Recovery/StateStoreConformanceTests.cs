using Rekindle.Recovery;

namespace Rekindle.Tests.Recovery;

/// <summary>What every <see cref="IStateStore"/> must do; each implementation runs this suite.</summary>
public abstract class StateStoreConformanceTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    internal ManualTimeProvider Time { get; } = new();

    protected abstract IStateStore Store { get; }

    /// <summary>A time-to-live the expiry test can outlive: a store on the test's clock uses an hour and advances the clock.</summary>
    protected virtual TimeSpan ShortTimeToLive => Hour;

    protected virtual Task LetShortTimeToLivePassAsync()
    {
        Time.Advance(Hour + TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Load_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.LoadAsync("missing", CancellationToken.None));
    }

    [Fact]
    public async Task Save_ThenLoad_ReturnsTheBytes()
    {
        await Store.SaveAsync("k", 1, new byte[] { 1, 2, 3 }, Hour, CancellationToken.None);

        Assert.Equal([1, 2, 3], await Store.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Save_HigherGeneration_Replaces()
    {
        await Store.SaveAsync("k", 1, new byte[] { 1 }, Hour, CancellationToken.None);
        await Store.SaveAsync("k", 2, new byte[] { 2 }, Hour, CancellationToken.None);

        Assert.Equal([2], await Store.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Save_OlderOrSameGeneration_NeverOverwritesANewerSnapshot()
    {
        await Store.SaveAsync("k", 5, new byte[] { 5 }, Hour, CancellationToken.None);
        await Store.SaveAsync("k", 4, new byte[] { 4 }, Hour, CancellationToken.None);
        await Store.SaveAsync("k", 5, new byte[] { 6 }, Hour, CancellationToken.None);

        Assert.Equal([5], await Store.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Load_AfterTimeToLive_ReturnsNull()
    {
        await Store.SaveAsync("k", 1, new byte[] { 1 }, ShortTimeToLive, CancellationToken.None);
        await LetShortTimeToLivePassAsync();

        Assert.Null(await Store.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_Forgets()
    {
        await Store.SaveAsync("k", 1, new byte[] { 1 }, Hour, CancellationToken.None);
        await Store.DeleteAsync("k", CancellationToken.None);

        Assert.Null(await Store.LoadAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Keys_AreIndependent()
    {
        await Store.SaveAsync("a", 1, new byte[] { 1 }, Hour, CancellationToken.None);
        await Store.SaveAsync("b", 9, new byte[] { 9 }, Hour, CancellationToken.None);

        Assert.Equal([1], await Store.LoadAsync("a", CancellationToken.None));
    }
}
