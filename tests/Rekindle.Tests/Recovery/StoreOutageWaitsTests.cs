using Microsoft.Extensions.Time.Testing;
using Rekindle.Recovery;

namespace Rekindle.Tests.Recovery;

/// <summary>How long a rejoining view is sent back to wait for an unreachable store, per node.</summary>
public sealed class StoreOutageWaitsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ShouldRetry_WithinTheWait_TrueThenFalseOnceItPassed()
    {
        var waits = new StoreOutageWaits(Wait, _time);

        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.False(waits.ShouldRetry("k"));
    }

    /// <summary>
    /// Issue 18 (chaos soak): a view that waited here during one outage and was then restored on
    /// another node (so this node never saw the store answer for it) mounted fresh at once in the next
    /// outage, without its state.
    /// </summary>
    [Fact]
    public void Issue18_ShouldRetry_ALaterOutage_StartsANewWait()
    {
        var waits = new StoreOutageWaits(Wait, _time);
        Assert.True(waits.ShouldRetry("k"));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(waits.ShouldRetry("k"));
    }
}
