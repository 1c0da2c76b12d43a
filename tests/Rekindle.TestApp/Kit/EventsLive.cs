using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Kit;

/// <summary>
/// Every kind of client event, each echoed as <c>type:event:values</c>: keys with and without
/// phx-key, focus and blur, clicks with values and on a disabled button, submits with a submitter,
/// a trigger-action form, JS patch and navigate, and a component answering events by name.
/// </summary>
public sealed class EventsLive : LiveView
{
    private string _last = "";
    private string _tab = "";
    private bool _trigger;

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _tab = parameters.GetValueOrDefault("tab") ?? "";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main>
          <input id="typing" name="typing" value="abc" phx-keyup="typed" phx-value-field="typing">
          <div id="enter-only" phx-keydown="enter" phx-key="Enter">enter</div>
          <div id="escape" phx-window-keydown="escape" phx-key="Escape">escape</div>
          <input id="focus-me" name="focus-me" value="" phx-focus="focused" phx-blur="blurred">
          <button id="give" phx-click="give" phx-value-item="apple">give</button>
          <button id="disabled" phx-click="give" disabled>never</button>
          <fieldset disabled><button id="in-disabled-fieldset" phx-click="give">never</button></fieldset>
          <form id="publish" phx-submit="publish">
            <input name="title" value="Hello">
            <button id="save-draft" name="intent" value="draft">Draft</button>
            <button id="save-publish" name="intent" value="publish">Publish</button>
          </form>
          <form id="login" action="/test/kit/echo" method="post" phx-submit="login"{Attr("phx-trigger-action", _trigger)}>
            <input name="user" value="ada">
          </form>
          <button id="js-patch" phx-click="{JS.Patch("/test/kit/events?tab=2")}">patch</button>
          <button id="js-navigate" phx-click="{JS.Navigate("/counter")}">navigate</button>
          <p id="tab">{_tab}</p>
          <p id="last">{_last}</p>
          {Component<TallyComponent>("tally")}
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name == "login")
        {
            _trigger = true;
        }
        var values = payload.Form is { } form
            ? string.Join("&", form.Names.Select(field => $"{field}={form[field]}"))
            : string.Join(",", new[] { "key", "value", "field", "item", "extra" }.Select(key => (key, value: payload.GetString(key))).Where(pair => pair.value is not null).Select(pair => $"{pair.key}={pair.value}"));
        _last = $"{payload.Type}:{name}:{values}";
        return ValueTask.CompletedTask;
    }
}
