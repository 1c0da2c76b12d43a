using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>
/// The form of Phoenix's form-recovery specs, with no recoverable state of its own: every value shown
/// after a rejoin came back through the client's form recovery. Query switches: <c>no-id</c> (the form
/// has no id), <c>no-change-event</c> (no <c>phx-change</c>), <c>js-change</c> (<c>phx-change</c> is a
/// JS push), <c>disabled-fieldset</c>. Fields: <c>a</c> (readonly) and <c>b</c> in a fieldset,
/// <c>c</c>, a select <c>d</c>, <c>e</c> and <c>f</c> joined by <c>form=</c> (inside and outside the
/// form), nested names <c>user[name]</c> and <c>user[address][city]</c>, a multiple select
/// <c>tags[]</c> and a checkbox group <c>colors[]</c>. <c>phx-auto-recover=custom_recovery</c> recovers
/// <c>b</c> as a fixed value, <c>phx-auto-recover=patch_recovery</c> patches to <c>?patched=true</c>;
/// <c>live-component</c> renders <see cref="RecoveryFormComponent"/> instead of the form. <c>#received</c> lists what the last change
/// carried, name=value in the order the client sent them.
/// </summary>
public sealed class RecoveryFormLive : LiveView
{
    private static readonly string[] s_options = ["foo", "bar", "baz"];
    private static readonly string[] s_tags = ["red", "green", "blue"];
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal)
    {
        ["a"] = ["foo"],
        ["b"] = ["bar"],
        ["c"] = ["baz"],
    };

    private bool _noId;
    private bool _noChange;
    private bool _jsChange;
    private bool _disabledFieldset;
    private bool _component;
    private string? _autoRecover;
    private string _received = "";

    public override ValueTask MountAsync(MountContext context)
    {
        _noId = context.Params.ContainsKey("no-id");
        _noChange = context.Params.ContainsKey("no-change-event");
        _jsChange = context.Params.ContainsKey("js-change");
        _disabledFieldset = context.Params.ContainsKey("disabled-fieldset");
        _component = context.Params.ContainsKey("live-component");
        _autoRecover = context.Params.GetValueOrDefault("phx-auto-recover");
        return ValueTask.CompletedTask;
    }

    private string Value(string name) => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : "";

    private bool Has(string name, string value) => _values.TryGetValue(name, out var values) && values.Contains(value);

    private string? FormId => _noId ? null : "test-form";

    private string? ChangeEvent => _noChange ? null : _jsChange ? JS.Push("validate").ToString() : "validate";

    public override Rendered Render() => _component
        ? Html($"<main>{Component<RecoveryFormComponent>("form-component", new { AutoRecover = _autoRecover })}</main>")
        : Html($"""
        <main>
          <form{Attr("id", FormId)}{Attr("phx-change", ChangeEvent)}{Attr("phx-auto-recover", _autoRecover)} phx-submit="save">
            <fieldset{Attr("disabled", _disabledFieldset)}>
              <input type="text" name="a" readonly value="{Value("a")}">
              <input type="text" name="b" value="{Value("b")}">
            </fieldset>
            <input type="text" name="c" value="{Value("c")}">
            <select name="d">{Each(s_options, option => Html($"<option value=\"{option}\"{Attr("selected", Value("d") == option)}>{option}</option>"))}</select>
            <input type="text" name="e" value="{Value("e")}"{Attr("form", FormId)}>
            <input type="text" name="user[name]" value="{Value("user[name]")}">
            <input type="text" name="user[address][city]" value="{Value("user[address][city]")}">
            <select name="tags[]" multiple>{Each(s_tags, tag => Html($"<option value=\"{tag}\"{Attr("selected", Has("tags[]", tag))}>{tag}</option>"))}</select>
            {Each(s_tags, color => Html($"<label><input type=\"checkbox\" name=\"colors[]\" value=\"{color}\"{Attr("checked", Has("colors[]", color))}>{color}</label>"))}
          </form>
          <input type="text" name="f" value="{Value("f")}"{Attr("form", FormId)}>
          <p id="received">{_received}</p>
        </main>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "custom_recovery":
                _values["b"] = ["custom value from server"];
                return ValueTask.CompletedTask;
            case "patch_recovery":
                PushPatch("/test/parity/recovery-form?patched=true");
                return ValueTask.CompletedTask;
        }
        if (name != "validate" || payload.Form is not { } form)
        {
            return name == "save" ? ValueTask.CompletedTask : base.HandleEventAsync(name, payload);
        }
        foreach (var field in form.Names)
        {
            _values[field] = form.GetAll(field);
        }
        _received = string.Join("&", form.Names.Select(field => $"{field}={string.Join(",", form.GetAll(field))}"));
        return ValueTask.CompletedTask;
    }
}
