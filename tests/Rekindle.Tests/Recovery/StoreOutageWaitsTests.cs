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
        _time.Advance(TimeSpan.FromSeconds(10));
        waits.Answered();

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(waits.ShouldRetry("k"));
    }

    /// <summary>
    /// Issue 18 (the 2-minute chaos soak lost 35 views this way): two outages 50 s apart were taken for
    /// one, because the view's last failed lookup was less than twice the wait ago; the second outage's
    /// rejoins mounted fresh after 4 s instead of waiting.
    /// </summary>
    [Fact]
    public void Issue18_ShouldRetry_AnOutageSecondsAfterTheStoreAnswered_StartsANewWait()
    {
        var waits = new StoreOutageWaits(Wait, _time);
        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(5));
        waits.Answered();

        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.True(waits.ShouldRetry("k"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(waits.ShouldRetry("k"));
    }

    [Fact]
    public void ShouldRetry_TheStoreNeverAnsweredBetween_OneOutageThatEndsTheWait()
    {
        var waits = new StoreOutageWaits(Wait, _time);
        Assert.True(waits.ShouldRetry("k"));

        _time.Advance(TimeSpan.FromSeconds(45));

        Assert.False(waits.ShouldRetry("k"));
    }
}
