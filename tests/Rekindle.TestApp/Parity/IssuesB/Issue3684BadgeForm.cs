using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>The component of <see cref="Issue3684Live"/>: the chosen type is its own state.</summary>
public sealed class Issue3684BadgeForm : LiveComponent
{
    private static readonly string[] s_types = ["huey", "dewey"];
    private string _type = "huey";

    public override Rendered Render() => Html($"""
        <div>
          <form id="foo" phx-change="change" phx-submit="submit">
            <fieldset>
              <legend>Radio example:</legend>
              {Each(s_types, type => Html($"""<div phx-click="change-type" phx-value-type="{type}" phx-target="{Myself}"><input type="radio" id="{type}" name="type" value="{type}"{Attr("checked", _type == type)}><label for="{type}">{type}</label></div>"""))}
            </fieldset>
          </form>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "change-type" || payload.GetString("type") is not { } type || !s_types.Contains(type))
        {
            return base.HandleEventAsync(name, payload);
        }
        _type = type;
        return ValueTask.CompletedTask;
    }
}
