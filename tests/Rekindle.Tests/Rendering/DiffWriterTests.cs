using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Rendering;

/// <summary>Exact wire output of the diff engine, including docs/protocol.md §4.11's worked example.</summary>
public sealed class DiffWriterTests : LiveTemplate
{
    public override Rendered Render() => Html($"<p>unused</p>");

    private static Rendered Todo(string title, IReadOnlyList<(int Id, string Name)> items) => Html($"""
        <div><h1>{title}</h1><span class="count">{items.Count}</span><ul>{Each(items, i => i.Id, i => Html($"<li id=\"item-{i.Id}\">{i.Name}</li>"))}</ul></div>
        """);

    [Fact]
    public void Full_WorkedExample_MatchesTheProtocol()
    {
        var json = Json.Full(Todo("Todo", [(1, "Milk"), (2, "Eggs")]));

        Assert.Equal(
            """{"0":"Todo","1":"2","2":{"s":["<li id=\"item-","\">","</li>"],"k":{"0":{"0":"1","1":"Milk"},"1":{"0":"2","1":"Eggs"},"kc":2}},"s":["<div><h1>","</h1><span class=\"count\">","</span><ul>","</ul></div>"]}""",
            json);
    }

    [Fact]
    public void Diff_Append_SendsCountAndTheNewEntryOnly()
    {
        var before = Todo("Todo", [(1, "Milk"), (2, "Eggs")]);
        var after = Todo("Todo", [(1, "Milk"), (2, "Eggs"), (3, "Bread")]);

        Assert.Equal("""{"1":"3","2":{"k":{"2":{"0":"3","1":"Bread"},"kc":3}}}""", Json.Diff(before, after));
    }

    [Fact]
    public void Diff_RemoveAndRename_SendsMovesWithKm()
    {
        var before = Todo("Todo", [(1, "Milk"), (2, "Eggs"), (3, "Bread")]);
        var after = Todo("Todo", [(2, "Eggs (6)"), (3, "Bread")]);

        Assert.Equal("""{"1":"2","2":{"k":{"0":[1,{"1":"Eggs (6)"}],"1":2,"kc":2,"km":true}}}""", Json.Diff(before, after));
    }

    [Fact]
    public void Diff_NothingChanged_IsEmpty()
    {
        Assert.Equal("{}", Json.Diff(Todo("Todo", [(1, "Milk")]), Todo("Todo", [(1, "Milk")])));
    }

    [Fact]
    public void Diff_NestedTemplateSwitch_SendsTheNewNodeWithStatics()
    {
        Rendered View(bool on) => Html($"<main>{(on ? Html($"<b>{"on"}</b>") : Html($"<i>{"off"}</i>"))}</main>");

        Assert.Equal("""{"0":{"0":"off","r":1,"s":["<i>","</i>"]}}""", Json.Diff(View(true), View(false)));
    }

    [Fact]
    public void Full_NestedNodes_FlaggedAsRootOnlyWhenTheirOutputIsOneElement()
    {
        var view = Html($"<main>{Html($"<b>{"one"}</b>")}{Html($"<i>{"a"}</i><i>{"b"}</i>")}{Html($"text {"x"}")}</main>");

        // The view's own root is never flagged: a top-level "r" is the event reply (docs/protocol.md §4.3).
        Assert.Equal(
            """{"0":{"0":"one","r":1,"s":["<b>","</b>"]},"1":{"0":"a","1":"b","s":["<i>","</i><i>","</i>"]},"2":{"0":"x","s":["text ",""]},"s":["<main>","","","</main>"]}""",
            Json.Full(view));
    }

    [Fact]
    public void Diff_ListBecomesEmptyThenFilled_KeepsTheClientConsistent()
    {
        var empty = Todo("Todo", []);
        var one = Todo("Todo", [(1, "Milk")]);

        Assert.Equal("""{"0":"Todo","1":"0","2":"","s":["<div><h1>","</h1><span class=\"count\">","</span><ul>","</ul></div>"]}""", Json.Full(empty));
        Assert.Equal("""{"1":"0","2":{"k":{"kc":0}}}""", Json.Diff(one, empty));
        Assert.Equal("""{"1":"1","2":{"s":["<li id=\"item-","\">","</li>"],"k":{"0":{"0":"1","1":"Milk"},"kc":1}}}""", Json.Diff(empty, one));
    }
}
