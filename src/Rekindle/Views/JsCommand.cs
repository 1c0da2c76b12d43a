using System.Collections.Immutable;
using System.Text.Json;

namespace Rekindle.Views;

/// <summary>
/// A list of client-side commands, built with <see cref="JS"/>, that the LiveView client runs when
/// the event fires: put it in a <c>phx-*</c> attribute (<c>phx-click="{JS.Show("#modal")}"</c>). It
/// renders as the JSON command list the client parses, escaped for the attribute like every hole.
/// Each method returns a new list with one more command; instances are immutable.
/// </summary>
/// <remarks>Commands and argument names are those of Phoenix's <c>Phoenix.LiveView.JS</c>.</remarks>
public sealed class JsCommand
{
    internal static readonly JsCommand Empty = new([]);
    private readonly ImmutableList<object[]> _ops;
    private string? _json;

    private JsCommand(ImmutableList<object[]> ops) => _ops = ops;

    /// <summary>Pushes <paramref name="event"/> to the server, with <paramref name="value"/> merged over the element's <c>phx-value-*</c>.</summary>
    /// <param name="event">The event name <c>HandleEventAsync</c> receives.</param>
    /// <param name="value">An object whose properties become the payload's values.</param>
    /// <param name="target">A component's cid (<c>Myself</c>) or a selector; overrides <c>phx-target</c>.</param>
    /// <param name="loading">A selector that gets the loading classes until the server replies.</param>
    /// <param name="pageLoading">Whether to dispatch <c>phx:page-loading-start</c>/<c>-stop</c>.</param>
    public JsCommand Push(string @event, object? value = null, object? target = null, string? loading = null, bool? pageLoading = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@event);
        return Add("push", ("event", @event), ("target", target), ("loading", loading), ("page_loading", pageLoading), ("value", value));
    }

    /// <summary>Shows the elements matching <paramref name="to"/> (the interacted element when <see langword="null"/>).</summary>
    /// <param name="to">A CSS selector.</param>
    /// <param name="transition">Classes applied while showing.</param>
    /// <param name="time">Transition time in milliseconds (client default 200).</param>
    /// <param name="display">The <c>display</c> value to set (default <c>block</c>).</param>
    /// <param name="blocking">Whether the transition blocks the UI (default true).</param>
    public JsCommand Show(string? to = null, string? transition = null, int? time = null, string? display = null, bool? blocking = null) =>
        Add("show", ("to", to), ("display", display), ("transition", Triple(transition)), ("time", time), ("blocking", blocking));

    /// <summary>Hides the elements matching <paramref name="to"/> (the interacted element when <see langword="null"/>).</summary>
    public JsCommand Hide(string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        Add("hide", ("to", to), ("transition", Triple(transition)), ("time", time), ("blocking", blocking));

    /// <summary>Shows the elements matching <paramref name="to"/> when hidden, hides them when visible.</summary>
    public JsCommand Toggle(string? to = null, string? transitionIn = null, string? transitionOut = null, int? time = null, string? display = null, bool? blocking = null) =>
        Add("toggle", ("to", to), ("display", display), ("ins", Triple(transitionIn)), ("outs", Triple(transitionOut)), ("time", time), ("blocking", blocking));

    /// <summary>Adds the space-separated class <paramref name="names"/> to the elements matching <paramref name="to"/>.</summary>
    public JsCommand AddClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        Classes("add_class", names, to, transition, time, blocking);

    /// <summary>Removes the space-separated class <paramref name="names"/> from the elements matching <paramref name="to"/>.</summary>
    public JsCommand RemoveClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        Classes("remove_class", names, to, transition, time, blocking);

    /// <summary>Adds each of the class <paramref name="names"/> that is missing and removes each that is present.</summary>
    public JsCommand ToggleClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        Classes("toggle_class", names, to, transition, time, blocking);

    /// <summary>Sets attribute <paramref name="name"/> to <paramref name="value"/> on the elements matching <paramref name="to"/>.</summary>
    public JsCommand SetAttribute(string name, string value, string? to = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return Add("set_attr", ("to", to), ("attr", new[] { name, value }));
    }

    /// <summary>Removes attribute <paramref name="name"/> from the elements matching <paramref name="to"/>.</summary>
    public JsCommand RemoveAttribute(string name, string? to = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add("remove_attr", ("to", to), ("attr", name));
    }

    /// <summary>Dispatches the DOM event <paramref name="event"/> (a <c>CustomEvent</c> with <paramref name="detail"/>) to the elements matching <paramref name="to"/>.</summary>
    public JsCommand Dispatch(string @event, string? to = null, object? detail = null, bool? bubbles = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@event);
        return Add("dispatch", ("event", @event), ("to", to), ("detail", detail), ("bubbles", bubbles));
    }

    /// <summary>Focuses the element matching <paramref name="to"/>.</summary>
    public JsCommand Focus(string? to = null) => Add("focus", ("to", to));

    /// <summary>Focuses the first focusable element inside the element matching <paramref name="to"/> (a dialog's first field).</summary>
    public JsCommand FocusFirst(string? to = null) => Add("focus_first", ("to", to));

    /// <summary>Remembers the element matching <paramref name="to"/> (the interacted element when <see langword="null"/>) on the client's focus stack, for a later <see cref="PopFocus"/>.</summary>
    public JsCommand PushFocus(string? to = null) => Add("push_focus", ("to", to));

    /// <summary>Focuses the element the last <see cref="PushFocus"/> remembered, and forgets it: where focus returns when a dialog closes.</summary>
    public JsCommand PopFocus() => Add("pop_focus");

    /// <summary>
    /// Toggles attribute <paramref name="name"/> on the elements matching <paramref name="to"/>: without
    /// <paramref name="otherValue"/>, sets it to <paramref name="value"/> when absent and removes it when present;
    /// with it, switches between the two values.
    /// </summary>
    /// <example><code>JS.ToggleAttribute("aria-expanded", "true", "false", to: "#menu")</code></example>
    public JsCommand ToggleAttribute(string name, string value, string? otherValue = null, string? to = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        string[] attr = otherValue is null ? [name, value] : [name, value, otherValue];
        return Add("toggle_attr", ("to", to), ("attr", attr));
    }

    /// <summary>
    /// Keeps the client's values of the attributes <paramref name="names"/> on the elements matching
    /// <paramref name="to"/> when the server patches them (a <c>&lt;details open&gt;</c> the user opened).
    /// A name may end in <c>*</c> to match a prefix (<c>data-*</c>).
    /// </summary>
    public JsCommand IgnoreAttributes(IEnumerable<string> names, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var attrs = names.ToArray();
        if (attrs.Length == 0 || attrs.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one attribute name, none empty.", nameof(names));
        }
        return Add("ignore_attrs", ("to", to), ("attrs", attrs));
    }

    /// <summary>
    /// Runs a transition on the elements matching <paramref name="to"/> without changing their visibility:
    /// <paramref name="classes"/> are applied for <paramref name="time"/> ms, the element moving from the
    /// <paramref name="start"/> classes to the <paramref name="end"/> classes.
    /// </summary>
    /// <example><code>JS.Transition("shake", to: "#card", time: 300)</code></example>
    public JsCommand Transition(string classes, string? to = null, int? time = null, bool? blocking = null, string? start = null, string? end = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(classes);
        string[][] transition = [Split(classes), start is null ? [] : Split(start), end is null ? [] : Split(end)];
        return Add("transition", ("to", to), ("time", time), ("transition", transition), ("blocking", blocking));
    }

    /// <summary>
    /// Runs the command list stored in attribute <paramref name="attribute"/> of the elements matching
    /// <paramref name="to"/> (the interacted element when <see langword="null"/>): one definition, such as a
    /// modal's <c>data-cancel</c>, reused by several triggers.
    /// </summary>
    /// <example><code>JS.Exec("data-cancel", to: "#modal")</code></example>
    public JsCommand Exec(string attribute, string? to = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        return Add("exec", ("attr", attribute), ("to", to));
    }

    /// <summary>Live-navigates to <paramref name="href"/> (another live view of the route group), as <c>data-phx-link="redirect"</c> does.</summary>
    public JsCommand Navigate(string href, bool replace = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(href);
        return Add("navigate", ("href", href), ("replace", replace));
    }

    /// <summary>Patches the URL to <paramref name="href"/> (same live view, <c>HandleParamsAsync</c> runs), as <c>data-phx-link="patch"</c> does.</summary>
    public JsCommand Patch(string href, bool replace = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(href);
        return Add("patch", ("href", href), ("replace", replace));
    }

    /// <summary>The commands as the client's JSON: <c>[["show",{"to":"#modal",...}],...]</c>.</summary>
    public override string ToString() => _json ??= JsonSerializer.Serialize(_ops);

    private JsCommand Classes(string kind, string names, string? to, string? transition, int? time, bool? blocking)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(names);
        return Add(kind, ("to", to), ("names", Split(names)), ("transition", Triple(transition)), ("time", time), ("blocking", blocking));
    }

    /// <summary>Null arguments are left out, so the client applies its own defaults.</summary>
    private JsCommand Add(string kind, params (string Name, object? Value)[] arguments)
    {
        var args = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (value is not null)
            {
                args[name] = value;
            }
        }
        return new JsCommand(_ops.Add([kind, args]));
    }

    /// <summary>The client's transition triple: transition classes, start classes, end classes.</summary>
    private static string[][] Triple(string? classes) => [classes is null ? [] : Split(classes), [], []];

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
