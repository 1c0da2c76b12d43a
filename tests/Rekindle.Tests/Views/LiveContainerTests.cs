using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class LiveContainerTests
{
    [Fact]
    public void AttributesHtml_ValuesWithQuotesAndAmpersands_AreEscapedInOrder()
    {
        var container = new LiveContainer("section", new Dictionary<string, string> { ["class"] = "wide", ["data-note"] = "\"a\" & <b>" });

        Assert.Equal("section", container.Tag);
        Assert.Equal(" class=\"wide\" data-note=\"&quot;a&quot; &amp; &lt;b&gt;\"", container.AttributesHtml());
    }

    [Fact]
    public void AttributesHtml_NoAttributes_IsEmpty() =>
        Assert.Equal("", new LiveContainer("main").AttributesHtml());

    [Theory]
    [InlineData("Div")]
    [InlineData("div onclick")]
    [InlineData("")]
    [InlineData("1div")]
    public void Constructor_TagNotALowerCaseElementName_Throws(string tag) =>
        Assert.Throws<ArgumentException>(() => new LiveContainer(tag));

    [Theory]
    [InlineData("id")]
    [InlineData("ID")]
    [InlineData("data-phx-main")]
    [InlineData("data-phx-session")]
    [InlineData("class=\"x\" onclick")]
    [InlineData("")]
    public void Constructor_ReservedOrMalformedAttributeName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new LiveContainer("div", new Dictionary<string, string> { [name] = "x" }));
}
