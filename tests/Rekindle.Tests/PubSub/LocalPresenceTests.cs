using Rekindle.PubSub;

namespace Rekindle.Tests.PubSub;

public sealed class LocalPresenceTests
{
    private static readonly Dictionary<string, string> s_reading = new() { ["status"] = "reading" };

    [Fact]
    public void Track_TwoTabsOfOneKey_ListsOneKeyWithTwoMetasAndDiffsEachJoin()
    {
        var presence = new LocalPresence();
        var diffs = new List<PresenceDiff>();
        using var subscription = presence.Subscribe("room", diffs.Add);

        var first = presence.Track("room", "ada", s_reading);
        var second = presence.Track("room", "ada", new Dictionary<string, string> { ["status"] = "typing" });

        var metas = Assert.Single(presence.List("room")).Value;
        Assert.Equal(["reading", "typing"], metas.Select(meta => meta.Values["status"]));
        Assert.NotEqual(first.Current.Ref, second.Current.Ref);
        Assert.Equal(2, diffs.Count);
        Assert.All(diffs, diff => Assert.Empty(diff.Leaves));
        Assert.Equal(second.Current, Assert.Single(diffs[1].Joins["ada"]));
    }

    [Fact]
    public void Dispose_LastTracking_RemovesTheKeyAndDiffsTheLeaveOnce()
    {
        var presence = new LocalPresence();
        var tracking = presence.Track("room", "ada", s_reading);
        var diffs = new List<PresenceDiff>();
        using var subscription = presence.Subscribe("room", diffs.Add);

        tracking.Dispose();
        tracking.Dispose();

        Assert.Empty(presence.List("room"));
        var diff = Assert.Single(diffs);
        Assert.Empty(diff.Joins);
        Assert.Equal(tracking.Current, Assert.Single(diff.Leaves["ada"]));
    }

    [Fact]
    public void Update_ReplacesTheMetaUnderANewRefInOneDiff_AndIsIgnoredAfterDispose()
    {
        var presence = new LocalPresence();
        var tracking = presence.Track("room", "ada", s_reading);
        var old = tracking.Current;
        var diffs = new List<PresenceDiff>();
        using var subscription = presence.Subscribe("room", diffs.Add);

        tracking.Update(new Dictionary<string, string> { ["status"] = "voted" });

        var diff = Assert.Single(diffs);
        Assert.Equal(old, Assert.Single(diff.Leaves["ada"]));
        Assert.Equal("voted", Assert.Single(diff.Joins["ada"]).Values["status"]);
        Assert.NotEqual(old.Ref, tracking.Current.Ref);
        Assert.Equal(tracking.Current, Assert.Single(presence.List("room")["ada"]));

        tracking.Dispose();
        tracking.Update(s_reading);
        Assert.Empty(presence.List("room"));
        Assert.Equal(2, diffs.Count);
    }

    [Fact]
    public void Subscribe_OtherTopicsAndDisposedSubscriptions_ReceiveNothing()
    {
        var presence = new LocalPresence();
        var other = new List<PresenceDiff>();
        var gone = new List<PresenceDiff>();
        using var otherSubscription = presence.Subscribe("lobby", other.Add);
        presence.Subscribe("room", gone.Add).Dispose();

        using var tracking = presence.Track("room", "ada", s_reading);

        Assert.Empty(other);
        Assert.Empty(gone);
        Assert.Empty(presence.List("lobby"));
    }

    [Theory]
    [InlineData("", "ada")]
    [InlineData("room", "")]
    public void Track_EmptyTopicOrKey_Throws(string topic, string key) =>
        Assert.ThrowsAny<ArgumentException>(() => new LocalPresence().Track(topic, key, s_reading));

    [Fact]
    public void Track_KeyOverTheLimit_ThrowsNamingTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => new LocalPresence().Track("room", new string('k', 201), s_reading));
        Assert.Contains("at most 200 characters. Got: 201", error.Message);
    }
}
