using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// A form of four text inputs, <c>a</c> read-only, with a submit button and a button outside any form,
/// both with <c>phx-disable-with</c> (issue 17, item 13). Each change shows the fields the server was
/// told are unused (<see cref="FormData.IsUnused"/>); <c>?no-unused=form</c> puts
/// <c>phx-no-unused-field</c> on the form, <c>?no-unused=input</c> on input <c>c</c> only.
/// </summary>
public sealed class FormStatesLive : LiveView
{
    private static readonly string[] s_fields = ["a", "b", "c", "d"];
    private string? _noUnused;
    private int _submits;
    private int _clicks;
    private string _unused = "no change yet";

    public override ValueTask MountAsync(MountContext context)
    {
        _noUnused = context.Params.GetValueOrDefault("no-unused");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <form id="form" phx-change="validate" phx-submit="save"{Attr("phx-no-unused-field", _noUnused == "form")}>
            <input name="a" value="foo" readonly>
            <input name="b" value="bar">
            <input name="c" value="baz"{Attr("phx-no-unused-field", _noUnused == "input")}>
            <input name="d" value="foo">
            <button id="submit" phx-disable-with="Saving...">Submit</button>
          </form>
          <button type="button" id="outside" phx-click="click" phx-disable-with="Working...">Outside</button>
          <p id="unused">{_unused}</p>
          <p id="submits">{_submits}</p>
          <p id="clicks">{_clicks}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate" when payload.Form is { } form:
                _unused = "unused: " + (s_fields.Where(form.IsUnused).ToArray() is { Length: > 0 } unused ? string.Join(",", unused) : "none");
                break;
            case "save":
                _submits++;
                break;
            case "click":
                _clicks++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
