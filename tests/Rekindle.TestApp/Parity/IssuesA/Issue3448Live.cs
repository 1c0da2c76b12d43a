using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>
/// Upstream's issue 3448: two checkboxes whose click dispatches <c>input</c> and focuses the search
/// field; the form's change renders the checked values above the search field, and the patch that
/// arrives while the form is locked must leave the focus in the search field.
/// </summary>
public sealed class Issue3448Live : LiveView
{
    private static readonly string[] s_values = ["settings", "content"];
    private string[] _checked = [];

    public override Rendered Render() => Html($"""
        <main>
          <form id="my_form" phx-change="validate">
            <div>
              {Each(_checked, value => value, value => Html($"<div><div>{value}</div></div>"))}
              <input id="search" type="search" name="value" phx-change="search">
            </div>
            <div>
              {Each(s_values, value => value, value => Html($"""<input type="checkbox" name="a[]" value="{value}"{Attr("checked", _checked.Contains(value))} phx-click="{JS.Dispatch("input").Focus(to: "#search")}">"""))}
            </div>
          </form>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate" when payload.Form is { } form:
                _checked = [.. form.GetAll("a[]")];
                break;
            case "search":
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
