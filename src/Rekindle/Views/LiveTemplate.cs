using System.Runtime.CompilerServices;
using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// What live views and live components share: the template helpers and the effects a render can
/// send to the client (pushed events).
/// </summary>
public abstract class LiveTemplate
{
    internal ClientEffects Effects { get; set; } = new();

    /// <summary>Renders the current state. Called after every handled message.</summary>
    public abstract Rendered Render();

    /// <summary>
    /// Builds a template: literal text becomes statics, sent once; holes are HTML-escaped values,
    /// or nested templates, lists and components.
    /// </summary>
    /// <example><code>Html($"&lt;span id=\"count\"&gt;{Count}&lt;/span&gt;")</code></example>
    protected static Rendered Html(
        HtmlTemplateHandler template,
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) => template.Build(callerFile, callerLine);

    /// <summary>Trusted markup, inserted without escaping. Never pass user input.</summary>
    protected static RawHtml Raw(string html) => new(html);

    /// <summary>A boolean attribute for a hole between a tag's attributes: <c>&lt;input type="radio" {Attr("checked", selected)}&gt;</c>.</summary>
    protected static TagAttribute Attr(string name, bool present) => TagAttribute.Flag(name, present);

    /// <summary>An attribute with an escaped value, left out when <paramref name="value"/> is <see langword="null"/>.</summary>
    protected static TagAttribute Attr(string name, string? value) => TagAttribute.Value(name, value);

    /// <summary>A keyed list: each item renders with the same template and is tracked by its key.</summary>
    protected static Comprehension Each<T>(IEnumerable<T> items, Func<T, object?> key, Func<T, Rendered> render) =>
        ComprehensionBuilder.Build(items, key, render);

    /// <summary>A list keyed by position. Prefer the keyed overload when items can move.</summary>
    protected static Comprehension Each<T>(IEnumerable<T> items, Func<T, Rendered> render) =>
        ComprehensionBuilder.Build(items.Select((item, index) => (item, index)), pair => pair.index, pair => render(pair.item));

    /// <summary>
    /// A stateful component: the instance of <typeparamref name="TComponent"/> with this id is created
    /// on first render and kept while the view renders it; <paramref name="assigns"/> go to its
    /// <see cref="LiveComponent.UpdateAsync"/> whenever they change.
    /// </summary>
    protected static ComponentRef Component<TComponent>(string id, object? assigns = null)
        where TComponent : LiveComponent
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ComponentRef(typeof(TComponent), id, assigns);
    }

    /// <summary>
    /// Updates the component of type <typeparamref name="TComponent"/> with this id: its
    /// <see cref="LiveComponent.UpdateAsync"/> runs with <paramref name="assigns"/> before the next render.
    /// A component that is no longer rendered is skipped (and logged at Debug).
    /// </summary>
    protected void SendUpdate<TComponent>(string id, object? assigns)
        where TComponent : LiveComponent
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Effects.Updates.Add((typeof(TComponent), id, assigns));
    }

    /// <summary>Answers the hook <c>pushEvent</c>/<c>pushEventTo</c> being handled; the client's reply callback receives it.</summary>
    protected void Reply(object value)
    {
        Effects.Reply = value;
        Effects.HasReply = true;
    }

    /// <summary>
    /// Sends an event to the client with the next diff: hooks receive it in <c>handleEvent(name, ...)</c>
    /// and <c>window</c> in a <c>phx:name</c> event.
    /// </summary>
    protected void PushEvent(string name, object? payload = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Effects.Events.Add((name, payload));
    }
}
