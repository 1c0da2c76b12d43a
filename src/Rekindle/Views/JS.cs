namespace Rekindle.Views;

/// <summary>
/// Starts a list of client-side commands (<see cref="JsCommand"/>) for a <c>phx-*</c> attribute;
/// chain more with the returned list's methods.
/// </summary>
/// <example>
/// <code>
/// Html($"""&lt;button phx-click="{JS.Show("#modal").AddClass("open", to: "#backdrop").Push("opened", value: new { id = 7 })}"&gt;Open&lt;/button&gt;""")
/// </code>
/// </example>
public static class JS
{
    /// <inheritdoc cref="JsCommand.Push"/>
    public static JsCommand Push(string @event, object? value = null, object? target = null, string? loading = null, bool? pageLoading = null) =>
        JsCommand.Empty.Push(@event, value, target, loading, pageLoading);

    /// <inheritdoc cref="JsCommand.Show"/>
    public static JsCommand Show(string? to = null, string? transition = null, int? time = null, string? display = null, bool? blocking = null) =>
        JsCommand.Empty.Show(to, transition, time, display, blocking);

    /// <inheritdoc cref="JsCommand.Hide"/>
    public static JsCommand Hide(string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        JsCommand.Empty.Hide(to, transition, time, blocking);

    /// <inheritdoc cref="JsCommand.Toggle"/>
    public static JsCommand Toggle(string? to = null, string? transitionIn = null, string? transitionOut = null, int? time = null, string? display = null, bool? blocking = null) =>
        JsCommand.Empty.Toggle(to, transitionIn, transitionOut, time, display, blocking);

    /// <inheritdoc cref="JsCommand.AddClass"/>
    public static JsCommand AddClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        JsCommand.Empty.AddClass(names, to, transition, time, blocking);

    /// <inheritdoc cref="JsCommand.RemoveClass"/>
    public static JsCommand RemoveClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        JsCommand.Empty.RemoveClass(names, to, transition, time, blocking);

    /// <inheritdoc cref="JsCommand.ToggleClass"/>
    public static JsCommand ToggleClass(string names, string? to = null, string? transition = null, int? time = null, bool? blocking = null) =>
        JsCommand.Empty.ToggleClass(names, to, transition, time, blocking);

    /// <inheritdoc cref="JsCommand.SetAttribute"/>
    public static JsCommand SetAttribute(string name, string value, string? to = null) => JsCommand.Empty.SetAttribute(name, value, to);

    /// <inheritdoc cref="JsCommand.RemoveAttribute"/>
    public static JsCommand RemoveAttribute(string name, string? to = null) => JsCommand.Empty.RemoveAttribute(name, to);

    /// <inheritdoc cref="JsCommand.Dispatch"/>
    public static JsCommand Dispatch(string @event, string? to = null, object? detail = null, bool? bubbles = null) =>
        JsCommand.Empty.Dispatch(@event, to, detail, bubbles);

    /// <inheritdoc cref="JsCommand.Focus"/>
    public static JsCommand Focus(string? to = null) => JsCommand.Empty.Focus(to);

    /// <inheritdoc cref="JsCommand.Navigate"/>
    public static JsCommand Navigate(string href, bool replace = false) => JsCommand.Empty.Navigate(href, replace);

    /// <inheritdoc cref="JsCommand.Patch"/>
    public static JsCommand Patch(string href, bool replace = false) => JsCommand.Empty.Patch(href, replace);

    /// <inheritdoc cref="JsCommand.FocusFirst"/>
    public static JsCommand FocusFirst(string? to = null) => JsCommand.Empty.FocusFirst(to);

    /// <inheritdoc cref="JsCommand.PushFocus"/>
    public static JsCommand PushFocus(string? to = null) => JsCommand.Empty.PushFocus(to);

    /// <inheritdoc cref="JsCommand.PopFocus"/>
    public static JsCommand PopFocus() => JsCommand.Empty.PopFocus();

    /// <inheritdoc cref="JsCommand.ToggleAttribute"/>
    public static JsCommand ToggleAttribute(string name, string value, string? otherValue = null, string? to = null) =>
        JsCommand.Empty.ToggleAttribute(name, value, otherValue, to);

    /// <inheritdoc cref="JsCommand.IgnoreAttributes"/>
    public static JsCommand IgnoreAttributes(IEnumerable<string> names, string? to = null) => JsCommand.Empty.IgnoreAttributes(names, to);

    /// <inheritdoc cref="JsCommand.Transition"/>
    public static JsCommand Transition(string classes, string? to = null, int? time = null, bool? blocking = null, string? start = null, string? end = null) =>
        JsCommand.Empty.Transition(classes, to, time, blocking, start, end);

    /// <inheritdoc cref="JsCommand.Exec"/>
    public static JsCommand Exec(string attribute, string? to = null) => JsCommand.Empty.Exec(attribute, to);
}
