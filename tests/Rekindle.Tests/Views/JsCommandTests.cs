using System.Net;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class JsCommandTests : LiveView
{
    public override Rendered Render() => Html($"<p>unused</p>");

    [Fact]
    public void Show_WithOnlyASelector_LeavesTheClientDefaultsOut()
    {
        Assert.Equal("""[["show",{"to":"#modal","transition":[[],[],[]]}]]""", JS.Show("#modal").ToString());
    }

    [Fact]
    public void Chain_KeepsOrder_SplitsClassNames_AndNamesArgumentsAsTheClientReadsThem()
    {
        var js = JS.Show("#modal", transition: "fade-in", time: 300, display: "flex", blocking: false)
            .AddClass("open  wide", to: "#x")
            .Push("inc", value: new { by = 2 }, target: 3, loading: "#box", pageLoading: true)
            .Hide()
            .Toggle("#panel", transitionIn: "a", transitionOut: "b c")
            .RemoveClass("open", to: "#x")
            .Navigate("/items", replace: true);

        Assert.Equal(
            """[["show",{"to":"#modal","display":"flex","transition":[["fade-in"],[],[]],"time":300,"blocking":false}],"""
            + """["add_class",{"to":"#x","names":["open","wide"],"transition":[[],[],[]]}],"""
            + """["push",{"event":"inc","target":3,"loading":"#box","page_loading":true,"value":{"by":2}}],"""
            + """["hide",{"transition":[[],[],[]]}],"""
            + """["toggle",{"to":"#panel","ins":[["a"],[],[]],"outs":[["b","c"],[],[]]}],"""
            + """["remove_class",{"to":"#x","names":["open"],"transition":[[],[],[]]}],"""
            + """["navigate",{"href":"/items","replace":true}]]""",
            js.ToString());
    }

    [Fact]
    public void Chaining_ReturnsANewList_TheFirstIsUnchanged()
    {
        var first = JS.Hide("#a");

        first.Show("#b");

        Assert.Equal("""[["hide",{"to":"#a","transition":[[],[],[]]}]]""", first.ToString());
    }

    [Fact]
    public void InAnAttributeHole_TheJsonIsEscaped_AndTheBrowserReadsItBack()
    {
        var js = JS.Push("say", value: new { text = "a \"quoted\" <b> & 'x'" });

        var html = Html($"<button phx-click=\"{js}\">x</button>").ToString();

        var attribute = html["<button phx-click=\"".Length..html.IndexOf("\">x<", StringComparison.Ordinal)];
        Assert.DoesNotContain('"', attribute);
        Assert.Equal(js.ToString(), WebUtility.HtmlDecode(attribute));
    }

    [Fact]
    public void EmptyNames_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => JS.AddClass(" "));
        Assert.Throws<ArgumentException>(() => JS.Push(""));
    }
}
