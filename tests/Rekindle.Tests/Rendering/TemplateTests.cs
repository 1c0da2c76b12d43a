using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Rendering;

public sealed class TemplateTests : LiveTemplate
{
    public override Rendered Render() => Html($"<p>unused</p>");

    private static Rendered Greeting(string name) => Html($"<p class=\"greeting\">Hello {name}!</p>");

    [Fact]
    public void Html_LiteralsAndHoles_BecomeStaticsAndDynamics()
    {
        var rendered = Greeting("Ada");

        Assert.Equal(["<p class=\"greeting\">Hello ", "!</p>"], rendered.Template.Parts);
        Assert.Equal(["Ada"], rendered.Dynamics);
    }

    [Fact]
    public void Html_SameCallSite_ReusesTheTemplateObject()
    {
        Assert.Same(Greeting("a").Template, Greeting("b").Template);
    }

    [Fact]
    public void Html_AdjacentHoles_GetEmptyStaticsBetween()
    {
        var (a, b) = (1, 2);
        var rendered = Html($"{a}{b}");

        Assert.Equal(["", "", ""], rendered.Template.Parts);
        Assert.Equal(["1", "2"], rendered.Dynamics);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Tom & \"Jerry\" 'x'", "Tom &amp; &quot;Jerry&quot; &#39;x&#39;")]
    public void Html_TextHole_IsEscaped(string value, string expected)
    {
        Assert.Equal($"<p class=\"greeting\">Hello {expected}!</p>", Greeting(value).ToString());
    }

    [Fact]
    public void Html_QuotedAttributeHole_CannotBreakOutOfTheAttribute()
    {
        var value = "\" onmouseover=\"alert(1)\" x=\"<&";
        var html = Html($"<input value=\"{value}\">").ToString();

        Assert.Equal("<input value=\"&quot; onmouseover=&quot;alert(1)&quot; x=&quot;&lt;&amp;\">", html);
    }

    [Fact]
    public void Html_UnquotedAttributeHole_IsRefusedWithAClearError()
    {
        var value = "x";
        var error = Assert.Throws<InvalidOperationException>(() => Html($"<input value={value}>"));

        Assert.Contains("unquoted attribute value", error.Message);
    }

    [Fact]
    public void Html_StringBetweenAttributes_IsRefused()
    {
        var attributes = "onclick=\"alert(1)\"";
        var error = Assert.Throws<InvalidOperationException>(() => Html($"<input {attributes}>"));

        Assert.Contains("Expected an Attr(...) value there", error.Message);
    }

    [Fact]
    public void Html_HoleInAttributeName_IsRefused()
    {
        var suffix = "x";
        var error = Assert.Throws<InvalidOperationException>(() => Html($"<input data-{suffix}=\"1\">"));

        Assert.Contains("middle of a tag or attribute name", error.Message);
    }

    [Theory]
    [InlineData(true, "<input type=\"radio\" checked>")]
    [InlineData(false, "<input type=\"radio\">")]
    public void Attr_Flag_RendersPresenceOnly(bool on, string expected)
    {
        Assert.Equal(expected, Html($"<input type=\"radio\"{Attr("checked", on)}>").ToString());
    }

    [Fact]
    public void Attr_Value_IsEscapedAndOmittedWhenNull()
    {
        Assert.Equal("<a title=\"&quot;x&quot;\">a</a>", Html($"<a{Attr("title", "\"x\"")}>a</a>").ToString());
        Assert.Equal("<a>a</a>", Html($"<a{Attr("title", (string?)null)}>a</a>").ToString());
    }

    [Theory]
    [InlineData(true, "<input readonly disabled>")]
    [InlineData(false, "<input readonly>")]
    public void Attr_RightAfterABareAttribute_IsAccepted(bool on, string expected)
    {
        Assert.Equal(expected, Html($"<input readonly{Attr("disabled", on)}>").ToString());
    }

    [Fact]
    public void Attr_InText_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Html($"<p>{Attr("checked", true)}</p>"));

        Assert.Contains("outside a tag", error.Message);
    }

    [Fact]
    public void Attr_BadName_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Attr("on click", true));
    }

    [Fact]
    public void Html_PhxHookWithoutId_IsRefusedNamingTheElement()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Html($"<div phx-hook=\"Chart\"></div>"));

        Assert.Contains("<div> element has phx-hook but no id", error.Message);
    }

    [Fact]
    public void Html_PhxHookWithId_IsAccepted()
    {
        var id = "chart-1";
        Assert.Equal("<div id=\"chart-1\" phx-hook=\"Chart\"></div>", Html($"<div id=\"{id}\" phx-hook=\"Chart\"></div>").ToString());
    }

    [Fact]
    public void Raw_IsInsertedUnescaped()
    {
        Assert.Equal("<p><b>x</b></p>", Html($"<p>{Raw("<b>x</b>")}</p>").ToString());
    }

    [Fact]
    public void Html_FormattableValues_UseInvariantCulture()
    {
        var value = 1234.5;
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("<p>1234.5</p>", Html($"<p>{value}</p>").ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TemplateShape_SingleRoot_IsDetected(bool single)
    {
        var rendered = single ? Html($"  <div><br><img src=\"x\"/><p>{1}</p></div>\n") : Html($"<div></div><p></p>");

        Assert.Equal(single, rendered.Template.Shape.IsSingleRoot);
    }

    [Fact]
    public void Each_DuplicateKeys_AreRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Each([1, 1], i => i, i => Html($"<li>{i}</li>")));

        Assert.Contains("key '1' appears twice", error.Message);
    }

    [Fact]
    public void Each_EntriesOfDifferentTemplates_AreWrapped()
    {
        var list = Each([1, 2], i => i, i => i == 1 ? Html($"<li>{i}</li>") : Html($"<li class=\"b\">{i}</li>"));

        Assert.Equal(["", ""], list.Template!.Parts);
        Assert.Equal("<ul><li>1</li><li class=\"b\">2</li></ul>", Html($"<ul>{list}</ul>").ToString());
    }
}
