using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>Upstream's issue 4102: a debounced input outside its form (<c>form="my-form"</c>) and a submit button with <c>phx-disable-with</c>.</summary>
public sealed class Issue4102Live : LiveView
{
    private string _name = "Test";
    private string _submitted = "";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name is not ("validate" or "submit") || payload.Form is not { } form)
        {
            return base.HandleEventAsync(name, payload);
        }
        _name = form["name"] ?? "";
        if (name == "submit")
        {
            _submitted = _name;
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <input form="my-form" phx-debounce="500" name="name" id="name" value="{_name}" type="text">
          <form id="my-form" phx-change="validate" phx-submit="submit">
            <button type="submit" phx-disable-with="Submitting...">Submit</button>
          </form>
          <p id="submitted">{_submitted}</p>
        </main>
        """);
}
