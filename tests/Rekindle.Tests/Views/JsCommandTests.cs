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
    public void FocusAttributeTransitionAndExecCommands_AreNamedAndShapedAsTheClientReadsThem()
    {
        var js = JS.PushFocus()
            .FocusFirst("#dialog")
            .PopFocus()
            .ToggleAttribute("aria-expanded", "true", "false", to: "#menu")
            .ToggleAttribute("open", "")
            .IgnoreAttributes(["open", "data-*"], to: "#details")
            .Transition("shake", to: "#card", time: 300, start: "a", end: "b c")
            .Exec("data-cancel", to: "#modal");

        Assert.Equal(
            """[["push_focus",{}],["focus_first",{"to":"#dialog"}],["pop_focus",{}],"""
            + """["toggle_attr",{"to":"#menu","attr":["aria-expanded","true","false"]}],["toggle_attr",{"attr":["open",""]}],"""
            + """["ignore_attrs",{"to":"#details","attrs":["open","data-*"]}],"""
            + """["transition",{"to":"#card","time":300,"transition":[["shake"],["a"],["b","c"]]}],"""
            + """["exec",{"attr":"data-cancel","to":"#modal"}]]""",
            js.ToString());
    }

    [Fact]
    public void FocusWrap_PutsTheContentBetweenTwoHiddenFocusableSentinels_UnderTheClientsHook()
    {
        var html = FocusWrap("dlg", Html($"<input id=\"a\">"), "modal").ToString();

        Assert.Equal(
            """<div id="dlg" phx-hook="Phoenix.FocusWrap" class="modal"><span id="dlg-start" tabindex="0" aria-hidden="true"></span><input id="a"><span id="dlg-end" tabindex="0" aria-hidden="true"></span></div>""",
            html);
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
        Assert.Throws<ArgumentException>(() => JS.IgnoreAttributes([]));
        Assert.Throws<ArgumentException>(() => JS.Transition(""));
        Assert.Throws<ArgumentException>(() => JS.Exec(""));
    }
}
