using Rekindle.Runtime;

namespace Rekindle.Tests.Runtime;

/// <summary>When a parent's render gives a component changed assigns (docs/protocol.md §9).</summary>
public sealed class AssignsComparisonTests
{
    private sealed record Item(int Id, string Value);

    private sealed class Opaque(int value)
    {
        public override string ToString() => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class Holder
    {
        public string Name { get; init; } = "";
    }

    [Fact]
    public void Same_CollectionExpressionsOfOneCountWithOtherItems_AreChanged()
    {
        IReadOnlyList<Item> previous = [new(1, "First"), new(2, "Second")];
        IReadOnlyList<Item> next = [new(2, "Second"), new(3, "Third")];

        Assert.False(AssignsComparison.Same(previous, next));
    }

    [Fact]
    public void Same_ListsWithOtherItems_AreChanged() =>
        Assert.False(AssignsComparison.Same(new List<string> { "a", "b" }, new List<string> { "c", "d" }));

    [Fact]
    public void Same_FreshCollectionsWithEqualItems_AreUnchanged()
    {
        IReadOnlyList<Item> previous = [new(1, "First")];
        IReadOnlyList<Item> next = [new(1, "First")];

        Assert.True(AssignsComparison.Same(previous, next));
    }

    [Fact]
    public void Same_TwoInstancesWithNothingPublic_AreChanged() =>
        Assert.False(AssignsComparison.Same(new Opaque(1), new Opaque(2)));

    [Fact]
    public void Same_FreshObjectsWithEqualPublicProperties_AreUnchanged() =>
        Assert.True(AssignsComparison.Same(new Holder { Name = "a" }, new Holder { Name = "a" }));
}
