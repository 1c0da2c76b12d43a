using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 2787: two dependent selects and a text field in one form. The second select's
/// options follow the first; a submit resets both to their prompt and empties the second's options.
/// </summary>
public sealed class Issue2787Live : LiveView
{
    private static readonly string[] s_kinds = ["greetings", "goodbyes"];
    private static readonly string[] s_greetings = ["hello", "hallo", "hei"];
    private static readonly string[] s_goodbyes = ["goodbye", "auf wiedersehen", "ha det bra"];

    private string _select1 = "";
    private string _select2 = "";
    private string _dummy = "";
    private string[] _select2Options = [];

    public override Rendered Render() => Html($"""
        <main>
          <form id="demo-form" phx-change="updated" phx-submit="submitted">
            <label for="demo_select1">select1</label>
            <select id="demo_select1" name="demo[select1]">{Options(s_kinds, _select1)}</select>
            <label for="demo_select2">select2</label>
            <select id="demo_select2" name="demo[select2]">{Options(_select2Options, _select2)}</select>
            <label for="demo_dummy">Some text</label>
            <input type="text" id="demo_dummy" name="demo[dummy]" value="{_dummy}">
            <button type="submit">Submit</button>
          </form>
        </main>
        """);

    private static Rendered Options(string[] options, string selected) => Html($"""
        <option value="">Select</option>{Each(options, option => option, option => Html($"<option value=\"{option}\"{Attr("selected", option == selected)}>{option}</option>"))}
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "updated" when payload.Form is { } form:
                _select1 = form["demo[select1]"] ?? "";
                _select2 = form["demo[select2]"] ?? "";
                _dummy = form["demo[dummy]"] ?? "";
                _select2Options = _select1 switch
                {
                    "greetings" => s_greetings,
                    "goodbyes" => s_goodbyes,
                    _ => [],
                };
                break;
            case "submitted":
                (_select1, _select2, _dummy, _select2Options) = ("", "", "", []);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
