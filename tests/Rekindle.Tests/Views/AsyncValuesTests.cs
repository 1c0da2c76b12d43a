using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Views;

/// <summary>The check of a multi-key AssignAsync's result, run where the work ran: every key, no other, each of its property's type.</summary>
public sealed class AsyncValuesTests
{
    private static readonly AsyncProperty[] s_properties =
    [
        AsyncProperty.Find(new TeamView(), nameof(TeamView.Lead), valueType: null, "test"),
        AsyncProperty.Find(new TeamView(), nameof(TeamView.Size), valueType: null, "test"),
    ];

    [Fact]
    public void Check_EveryKeyWithItsType_ReturnsTheValues()
    {
        var values = new Dictionary<string, object?> { ["Lead"] = "ann", ["Size"] = 3 };

        Assert.Same(values, AsyncValues.Check("TeamView", s_properties, values));
    }

    [Fact]
    public void Check_MissingKeyAndAnExtraOne_ThrowsNamingBoth()
    {
        var failure = Assert.Throws<ArgumentException>(() => AsyncValues.Check("TeamView", s_properties, new Dictionary<string, object?> { ["Lead"] = "ann", ["Sise"] = 3 }));

        Assert.Equal("TeamView: AssignAsync([Lead, Size]) expected the work to return a value for each key and no other, got [Lead, Sise]; missing Size; not a key: Sise.", failure.Message);
    }

    [Fact]
    public void Check_NullForAValueType_ThrowsNamingTheKey()
    {
        var failure = Assert.Throws<ArgumentException>(() => AsyncValues.Check("TeamView", s_properties, new Dictionary<string, object?> { ["Lead"] = null, ["Size"] = null }));

        Assert.Equal("TeamView: AssignAsync([Lead, Size]) expected a Int32 for Size, got null.", failure.Message);
    }

    [Fact]
    public void Check_NullResult_Throws()
    {
        var failure = Assert.Throws<ArgumentException>(() => AsyncValues.Check("TeamView", s_properties, null));

        Assert.Equal("TeamView: AssignAsync([Lead, Size]) expected the work to return a value for each key, got null.", failure.Message);
    }

    [Fact]
    public void Find_PropertyOfAnotherType_ThrowsNamingTheExpectedType()
    {
        var failure = Assert.Throws<ArgumentException>(() => AsyncProperty.Find(new TeamView(), nameof(TeamView.Size), typeof(string), "AssignAsync(nameof(Org), ...)"));

        Assert.StartsWith("TeamView has no readable and settable property 'Size' of type AsyncResult<String>. Expected the key to name one, as in AssignAsync(nameof(Org), ...).", failure.Message);
    }

    private sealed class TeamView : LiveView
    {
        public AsyncResult<string?> Lead { get; set; } = AsyncResult<string?>.Loading();

        public AsyncResult<int> Size { get; set; } = AsyncResult<int>.Loading();

        public override Rendered Render() => Html($"");
    }
}
