using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class FormDataTests
{
    [Fact]
    public void Parse_ClientChangePayload_DecodesNamesValuesAndUnusedMarkers()
    {
        var form = FormData.Parse("user%5Bname%5D=Jo+Doe&user%5B_unused_email%5D=&user%5Bemail%5D=&tags%5B%5D=a&tags%5B%5D=b", "user[name]");

        Assert.Equal("Jo Doe", form["user[name]"]);
        Assert.Equal("", form["user[email]"]);
        Assert.Equal(["a", "b"], form.GetAll("tags[]"));
        Assert.True(form.IsUnused("user[email]"));
        Assert.False(form.IsUnused("user[name]"));
        Assert.Equal(["user[name]", "user[email]", "tags[]"], form.Names);
        Assert.Equal("user[name]", form.Target);
    }

    [Theory]
    [InlineData("user[name]", new[] { "user", "name" })]
    [InlineData("tags[]", new[] { "tags" })]
    [InlineData("order[lines][0][qty]", new[] { "order", "lines", "0", "qty" })]
    [InlineData("title", new[] { "title" })]
    public void TargetPath_DecodesTheTargetIntoKeys_AsPhoenixTarget(string target, string[] path)
    {
        Assert.Equal(path, FormData.Parse("", target).TargetPath);
    }

    [Fact]
    public void TargetPath_OnSubmit_IsEmpty()
    {
        Assert.Empty(FormData.Parse("a=1", null).TargetPath);
    }

    [Fact]
    public void Parse_RepeatedScalar_LastWins()
    {
        Assert.Equal("2", FormData.Parse("n=1&n=2", null)["n"]);
    }

    [Fact]
    public void Parse_UnusedListField_MarkerOnTheName()
    {
        var form = FormData.Parse("_unused_tags%5B%5D=&tags%5B%5D=", null);

        Assert.True(form.IsUnused("tags[]"));
        Assert.Equal(["tags[]"], form.Names);
    }

    [Fact]
    public void Parse_Empty_HasNoFields()
    {
        var form = FormData.Parse("", null);

        Assert.Empty(form.Names);
        Assert.Null(form["missing"]);
        Assert.Empty(form.GetAll("missing"));
    }

    [Fact]
    public void Parse_NamesDifferingOnlyInCase_StayApart()
    {
        var form = FormData.Parse("user%5BName%5D=Display&user%5Bname%5D=login", null);

        Assert.Equal("Display", form["user[Name]"]);
        Assert.Equal("login", form["user[name]"]);
        Assert.Equal(["user[Name]", "user[name]"], form.Names);
    }

    [Fact]
    public void Parse_EmptySegmentsAndNameWithoutValue_AreKeptAsThePhoenixParserDoes()
    {
        var form = FormData.Parse("a=1&&flag&b=%26%3D", null);

        Assert.Equal("1", form["a"]);
        Assert.Equal("", form["flag"]);
        Assert.Equal("&=", form["b"]);
    }
}
