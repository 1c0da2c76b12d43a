using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rekindle.Testing;

/// <summary>
/// An element of a <see cref="LiveViewTest"/>, named by a CSS selector that must match exactly one
/// element each time it is used.
/// </summary>
public sealed class LiveElement
{
    private const string ValuePrefix = "phx-value-";
    private readonly LiveViewTest _view;

    private readonly string? _text;
    private readonly int? _index;

    internal LiveElement(LiveViewTest view, string selector, string? text, int? index)
    {
        _view = view;
        Selector = selector;
        _text = text;
        _index = index;
    }

    /// <summary>The CSS selector that finds this element; it must match exactly one.</summary>
    public string Selector { get; }

    /// <summary>The element's HTML now.</summary>
    public string OuterHtml => Find().OuterHtml;

    /// <summary>The element's text now (its text content, tags removed).</summary>
    public string Text => Find().TextContent;

    /// <summary>An attribute of the element now, or <see langword="null"/> when it has none.</summary>
    public string? GetAttribute(string name) => Find().GetAttribute(name);

    private IElement Find() => _view.QuerySingle(Selector, _text, _index);

    /// <summary>
    /// Clicks the element as the client does: sends its <c>phx-click</c> event with its
    /// <c>phx-value-*</c> values (and <c>value</c> for form controls), to the component its
    /// <c>phx-target</c> names, running a JS command's <c>push</c>, <c>patch</c> and <c>navigate</c>
    /// operations in order; on a live link (<c>data-phx-link</c>), patches or navigates; on a submit
    /// button of a form, submits the form with the button's name and value.
    /// Returns the view's HTML once the reply is merged.
    /// </summary>
    /// <exception cref="LiveViewTestException">The element is disabled, has no <c>phx-click</c> and is no live link or submit button, or the server answered with an error.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required first parameter, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public Task<string> ClickAsync(CancellationToken cancellationToken = default) => ClickAsync(null, cancellationToken);

    /// <summary>
    /// Clicks with <paramref name="values"/> laid over the element's own values (an object or a
    /// dictionary: its properties become the event's value keys), as LiveViewTest's <c>render_click(element, value)</c>.
    /// </summary>
    /// <example><code>await view.Element("#buy").ClickAsync(new { quantity = 2 });</code></example>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in a required first parameter, so no call is ambiguous; an optional CancellationToken last is the .NET convention.")]
    public async Task<string> ClickAsync(object? values, CancellationToken cancellationToken = default)
    {
        var element = Find();
        RefuseDisabled(element, "click");
        if (element.GetAttribute("data-phx-link") is { } link && element.GetAttribute("href") is { } href)
        {
            await _view.FollowLinkAsync(href, link == "patch", element.GetAttribute("data-phx-link-state") == "replace", cancellationToken);
            return _view.RenderedHtml;
        }
        var click = element.GetAttribute("phx-click");
        if (string.IsNullOrEmpty(click))
        {
            if (IsSubmitButton(element) && element.Closest("form") is IHtmlFormElement form)
            {
                return await new LiveForm(_view, FormSelector(form)).SubmitAsync([], form.Elements.Index(element), cancellationToken);
            }
            throw new LiveViewTestException($"'{Selector}' has no phx-click: {element.OuterHtml}");
        }
        await RunAsync(element, "click", click, Extra(values), cancellationToken);
        return _view.RenderedHtml;
    }

    /// <summary>Presses <paramref name="key"/> on the element: its <c>phx-keydown</c> (or <c>phx-window-keydown</c>), unless its <c>phx-key</c> names another key.</summary>
    /// <example><code>await view.Element("#search").KeyDownAsync("Enter");</code></example>
    public Task<string> KeyDownAsync(string key, CancellationToken cancellationToken = default) => KeyAsync("keydown", key, cancellationToken);

    /// <summary>Releases <paramref name="key"/> on the element: its <c>phx-keyup</c> (or <c>phx-window-keyup</c>), unless its <c>phx-key</c> names another key.</summary>
    public Task<string> KeyUpAsync(string key, CancellationToken cancellationToken = default) => KeyAsync("keyup", key, cancellationToken);

    /// <summary>Focuses the element: sends its <c>phx-focus</c> (or <c>phx-window-focus</c>) with its values.</summary>
    public Task<string> FocusAsync(CancellationToken cancellationToken = default) => BindingAsync("focus", [], cancellationToken);

    /// <summary>Blurs the element: sends its <c>phx-blur</c> (or <c>phx-window-blur</c>) with its values.</summary>
    public Task<string> BlurAsync(CancellationToken cancellationToken = default) => BindingAsync("blur", [], cancellationToken);

    private async Task<string> KeyAsync(string type, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var element = Find();
        // The client drops a key event whose key is not the element's phx-key (case-insensitive).
        if (element.GetAttribute("phx-key") is { Length: > 0 } only && !string.Equals(only, key, StringComparison.OrdinalIgnoreCase))
        {
            return _view.RenderedHtml;
        }
        return await BindingAsync(type, new Dictionary<string, object?> { ["key"] = key }, cancellationToken);
    }

    private async Task<string> BindingAsync(string type, Dictionary<string, object?> meta, CancellationToken cancellationToken)
    {
        var element = Find();
        RefuseDisabled(element, type);
        var binding = element.GetAttribute($"phx-{type}") is { Length: > 0 } own ? own : element.GetAttribute($"phx-window-{type}");
        if (string.IsNullOrEmpty(binding))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-{type} or phx-window-{type}: {element.OuterHtml}");
        }
        await RunAsync(element, type, binding, meta, cancellationToken, metaFirst: true);
        return _view.RenderedHtml;
    }

    /// <summary>Runs a binding: an event name, or a JS command whose push, patch and navigate operations reach the server (the rest act in the browser only).</summary>
    private async Task RunAsync(IElement element, string type, string binding, Dictionary<string, object?> extra, CancellationToken cancellationToken, bool metaFirst = false)
    {
        var target = element.GetAttribute("phx-target");
        if (!binding.StartsWith('['))
        {
            await PushAsync(element, type, binding, Value(element, extra, null, metaFirst), target, cancellationToken);
            return;
        }
        using var commands = JsonDocument.Parse(binding);
        foreach (var command in commands.RootElement.EnumerateArray())
        {
            if (command.GetArrayLength() != 2)
            {
                continue;
            }
            var arguments = command[1];
            var replace = arguments.TryGetProperty("replace", out var r) && r.ValueKind == JsonValueKind.True;
            switch (command[0].GetString())
            {
                case "push":
                    var pushTarget = arguments.TryGetProperty("target", out var t) ? t.ToString() : target;
                    var commandValue = arguments.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;
                    await PushAsync(element, type, arguments.GetProperty("event").GetString() ?? "", Value(element, extra, commandValue, metaFirst), pushTarget, cancellationToken);
                    break;
                case "patch" or "navigate" when arguments.TryGetProperty("href", out var to) && to.GetString() is { } href:
                    await _view.FollowLinkAsync(href, patch: command[0].GetString() == "patch", replace, cancellationToken);
                    break;
            }
        }
    }

    private async Task PushAsync(IElement element, string type, string eventName, Dictionary<string, object?> value, string? target, CancellationToken cancellationToken)
    {
        foreach (var cid in Targets(_view, element.OuterHtml, target))
        {
            var payload = new Dictionary<string, object?> { ["type"] = type, ["event"] = eventName, ["value"] = value };
            if (cid is not null)
            {
                payload["cid"] = cid;
            }
            await _view.SendEventAsync(payload, $"{type} '{eventName}' on '{Selector}'", cancellationToken);
        }
    }

    /// <summary>
    /// The client's <c>extractMeta(el, meta, value)</c>: a binding's meta (the key) first, then the
    /// element's values, then the command's value; a test's click values go over all of them.
    /// </summary>
    private static Dictionary<string, object?> Value(IElement element, Dictionary<string, object?> extra, JsonElement? commandValue, bool metaFirst)
    {
        var value = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (metaFirst)
        {
            foreach (var (key, item) in extra)
            {
                value[key] = item;
            }
        }
        foreach (var (key, item) in Meta(element))
        {
            value[key] = item;
        }
        if (commandValue is { } command)
        {
            foreach (var property in command.EnumerateObject())
            {
                value[property.Name] = property.Value.Clone();
            }
        }
        if (!metaFirst)
        {
            foreach (var (key, item) in extra)
            {
                value[key] = item;
            }
        }
        return value;
    }

    private static Dictionary<string, object?> Extra(object? values) => values switch
    {
        null => [],
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
        IEnumerable<KeyValuePair<string, string>> pairs => pairs.ToDictionary(pair => pair.Key, pair => (object?)pair.Value, StringComparer.Ordinal),
        _ => JsonSerializer.SerializeToElement(values).EnumerateObject().ToDictionary(property => property.Name, property => (object?)property.Value.Clone(), StringComparer.Ordinal),
    };

    /// <summary>A browser dispatches no click (nor key, focus) events from a disabled control, so the client sends nothing.</summary>
    private void RefuseDisabled(IElement element, string what)
    {
        var control = element is IHtmlButtonElement or IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement;
        if (control && (element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null))
        {
            throw new LiveViewTestException($"'{Selector}' is disabled: a browser sends no {what} from it. {element.OuterHtml}");
        }
    }

    private static bool IsSubmitButton(IElement element) => element switch
    {
        IHtmlButtonElement button => (button.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase),
        IHtmlInputElement input => input.Type is "submit" or "image",
        _ => false,
    };

    private static string FormSelector(IHtmlFormElement form) =>
        form.Id is { Length: > 0 } id
            ? $"form[id=\"{id}\"]"
            : throw new LiveViewTestException($"The test client finds a submit button's form by its id, and this form has none: {form.OuterHtml[..Math.Min(200, form.OuterHtml.Length)]}");

    /// <summary>The client's <c>extractMeta</c> (docs/protocol.md §5.2): <c>phx-value-*</c>, then the control's <c>value</c>.</summary>
    internal static Dictionary<string, object?> Meta(IElement element)
    {
        var meta = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Name.StartsWith(ValuePrefix, StringComparison.Ordinal))
            {
                meta[attribute.Name[ValuePrefix.Length..]] = attribute.Value;
            }
        }
        switch (element)
        {
            case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                break;
            case IHtmlInputElement input:
                meta["value"] = input.Value;
                break;
            case IHtmlButtonElement button:
                meta["value"] = button.Value;
                break;
            case IHtmlSelectElement select:
                meta["value"] = select.Value;
                break;
            case IHtmlTextAreaElement textArea:
                meta["value"] = textArea.Value;
                break;
            case IHtmlOptionElement option:
                meta["value"] = option.Value;
                break;
            case IHtmlListItemElement item:
                meta["value"] = int.TryParse(item.GetAttribute("value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : 0;
                break;
        }
        return meta;
    }

    /// <summary>
    /// Where an event goes (docs/protocol.md §5.4): no <c>phx-target</c> → the view; a number →
    /// that component, which must be on the page; a selector → the component around each match.
    /// </summary>
    internal static List<int?> Targets(LiveViewTest view, string source, string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return [null];
        }
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var cid))
        {
            if (view.Query($"[data-phx-component=\"{cid}\"]").Count == 0)
            {
                throw new LiveViewTestException($"phx-target=\"{cid}\" of {source} names no component on the page; the client would send nothing.");
            }
            return [cid];
        }
        var matches = view.Query(target);
        if (matches.Count == 0)
        {
            throw new LiveViewTestException($"phx-target=\"{target}\" of {source} matches nothing; the client would send nothing.");
        }
        return [.. matches.Select(match => match.Closest("[data-phx-component]")?.GetAttribute("data-phx-component") is { } owner
            ? int.Parse(owner, CultureInfo.InvariantCulture)
            : (int?)null)];
    }
}
