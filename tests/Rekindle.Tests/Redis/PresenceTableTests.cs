using Rekindle.PubSub;
using Rekindle.Redis;

namespace Rekindle.Tests.Redis;

public sealed class PresenceTableTests
{
    private static PresenceEntry Entry(string reference, string key, string topic = "room") =>
        new(topic, key, new PresenceMeta(reference, new Dictionary<string, string> { ["status"] = reference }));

    [Fact]
    public void Apply_JoinsOfTwoNodes_ListsByKeyInArrivalOrderAndDiffsEachJoinOnce()
    {
        var table = new PresenceTable();

        var first = table.Apply("a", 1, [Entry("r1", "ada")], []);
        table.Apply("b", 1, [Entry("r2", "ada"), Entry("r3", "bob")], []);
        var repeated = table.Apply("a", 2, [Entry("r1", "ada")], []);

        var diff = Assert.Single(first);
        Assert.Equal("room", diff.Topic);
        Assert.Equal("r1", Assert.Single(diff.Joins["ada"]).Ref);
        Assert.Empty(diff.Leaves);
        Assert.Empty(repeated);
        Assert.Equal(["r1", "r2"], table.List("room")["ada"].Select(meta => meta.Ref));
        Assert.Equal(["ada", "bob"], table.List("room").Keys.Order());
        Assert.Equal(2, table.VersionOf("a"));
        Assert.Null(table.VersionOf("c"));
    }

    [Fact]
    public void Apply_UpdateAsLeaveAndJoin_OneDiffWithBothAndUnknownLeavesIgnored()
    {
        var table = new PresenceTable();
        table.Apply("a", 1, [Entry("r1", "ada")], []);

        var diff = Assert.Single(table.Apply("a", 2, [Entry("r2", "ada")], ["r1", "gone"]));

        Assert.Equal("r2", Assert.Single(diff.Joins["ada"]).Ref);
        Assert.Equal("r1", Assert.Single(diff.Leaves["ada"]).Ref);
        Assert.Equal(["r2"], table.List("room")["ada"].Select(meta => meta.Ref));
    }

    [Fact]
    public void Replace_NodeReadAgain_DiffsOnlyWhatChanged()
    {
        var table = new PresenceTable();
        table.Apply("a", 1, [Entry("r1", "ada"), Entry("r2", "bob"), Entry("r3", "cy", "hall")], []);

        var diffs = table.Replace("a", 5, [Entry("r1", "ada"), Entry("r4", "dee")]);

        var room = Assert.Single(diffs, diff => diff.Topic == "room");
        Assert.Equal(["dee"], room.Joins.Keys);
        Assert.Equal(["bob"], room.Leaves.Keys);
        var hall = Assert.Single(diffs, diff => diff.Topic == "hall");
        Assert.Equal(["cy"], hall.Leaves.Keys);
        Assert.Empty(hall.Joins);
        Assert.Empty(table.List("hall"));
        Assert.Equal(5, table.VersionOf("a"));
    }

    [Fact]
    public void Remove_DeadNode_AllItsPresencesLeaveAndOthersStay()
    {
        var table = new PresenceTable();
        table.Apply("a", 1, [Entry("r1", "ada")], []);
        table.Apply("b", 3, [Entry("r2", "ada"), Entry("r3", "bob")], []);

        var diff = Assert.Single(table.Remove("b"));

        Assert.Equal(["ada", "bob"], diff.Leaves.Keys.Order());
        Assert.Equal(["r1"], Assert.Single(table.List("room")).Value.Select(meta => meta.Ref));
        Assert.Null(table.VersionOf("b"));
        Assert.Empty(table.Remove("b"));
        Assert.Equal(["a"], table.Nodes);
    }
}
