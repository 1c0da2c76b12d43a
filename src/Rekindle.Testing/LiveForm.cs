using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rekindle.Testing;

/// <summary>
/// A <c>&lt;form&gt;</c> of a <see cref="LiveViewTest"/>, named by a CSS selector. Its events carry the
/// form's current values from the view's HTML with the fields a call gives laid over them, encoded
/// as the client encodes them (liveview-protocol.md §5.3).
/// </summary>
/// <remarks>
/// Like a browser, the form remembers which fields the test has touched: a change marks the fields
/// it gives as used, a submit marks them all; untouched fields are sent with the client's
/// <c>_unused_</c> markers. Values typed in an earlier call are not kept: each call starts from the
/// values in the HTML the server rendered.
/// </remarks>
public sealed class LiveForm
{
    private const string UnusedPrefix = "_unused_";
    private readonly LiveViewTest _view;

    internal LiveForm(LiveViewTest view, string selector)
    {
        _view = view;
        Selector = selector;
    }

    /// <summary>The CSS selector that finds this form; it must match exactly one.</summary>
    public string Selector { get; }

    /// <summary>
    /// Sends the form's <c>phx-change</c> as typing into <paramref name="fields"/> would; <c>_target</c>
    /// is the first field given. Returns the view's HTML once the reply is merged.
    /// </summary>
    /// <example><code>await view.Form("#create-election").ChangeAsync(("title", "Lunch"));</code></example>
    /// <exception cref="LiveViewTestException">The form has no <c>phx-change</c> or no field of a given name, or the server answered with an error.</exception>
    public Task<string> ChangeAsync(params (string Name, string Value)[] fields) => ChangeAsync(fields, CancellationToken.None);

    /// <inheritdoc cref="ChangeAsync(ValueTuple{string, string}[])"/>
    public async Task<string> ChangeAsync(IReadOnlyList<(string Name, string Value)> fields, CancellationToken cancellationToken)
    {
        var form = FindForm();
        var used = _view.UsedFields(FormKey(form));
        var target = fields.Count > 0 ? fields[0].Name : null;
        var targetControl = target is null ? null : Controls(form).FirstOrDefault(control => Name(control) == target);
        var eventName = targetControl?.GetAttribute("phx-change") is { Length: > 0 } own ? own : form.GetAttribute("phx-change");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-change: {Shorten(form.OuterHtml)}");
        }
        lock (used)
        {
            used.UnionWith(fields.Select(field => field.Name));
        }
        // An input with its own phx-change sends only itself.
        var only = targetControl?.HasAttribute("phx-change") == true ? target : null;
        var meta = new Dictionary<string, object?> { ["_target"] = target ?? "undefined" };
        foreach (var (key, value) in LiveElement.Meta(form))
        {
            meta[key] = value;
        }
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = Serialize(form, fields, used, only),
            ["meta"] = meta,
            ["uploads"] = new Dictionary<string, object?>(),
        };
        return await SendAsync(form, payload, $"change '{eventName}' of '{Selector}'", cancellationToken);
    }

    /// <summary>Submits the form (<c>phx-submit</c>) with <paramref name="fields"/> laid over its values. Returns the view's HTML once the reply is merged.</summary>
    /// <exception cref="LiveViewTestException">The form has no <c>phx-submit</c> or no field of a given name, or the server answered with an error.</exception>
    public Task<string> SubmitAsync(params (string Name, string Value)[] fields) => SubmitAsync(fields, CancellationToken.None);

    /// <inheritdoc cref="SubmitAsync(ValueTuple{string, string}[])"/>
    public async Task<string> SubmitAsync(IReadOnlyList<(string Name, string Value)> fields, CancellationToken cancellationToken)
    {
        var form = FindForm();
        var eventName = form.GetAttribute("phx-submit");
        if (string.IsNullOrEmpty(eventName))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-submit: {Shorten(form.OuterHtml)}");
        }
        var used = _view.UsedFields(FormKey(form));
        lock (used)
        {
            used.UnionWith(Controls(form).Select(Name).OfType<string>());
        }
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = Serialize(form, fields, used, only: null),
            ["meta"] = LiveElement.Meta(form),
        };
        return await SendAsync(form, payload, $"submit '{eventName}' of '{Selector}'", cancellationToken);
    }

    private async Task<string> SendAsync(IHtmlFormElement form, Dictionary<string, object?> payload, string description, CancellationToken cancellationToken)
    {
        foreach (var cid in LiveElement.Targets(_view, form, form.GetAttribute("phx-target")))
        {
            var sent = new Dictionary<string, object?>(payload);
            if (cid is not null)
            {
                sent["cid"] = cid;
            }
            await _view.PushEventAsync(sent, description, cancellationToken);
        }
        return _view.RenderedHtml;
    }

    private IHtmlFormElement FindForm() =>
        _view.QuerySingle(Selector) as IHtmlFormElement
        ?? throw new LiveViewTestException($"'{Selector}' is not a <form>: {Shorten(_view.QuerySingle(Selector).OuterHtml)}");

    private static string FormKey(IHtmlFormElement form) => form.Id ?? form.GetAttribute("phx-submit") ?? form.GetAttribute("phx-change") ?? "";

    /// <summary>
    /// The form's values as <c>new FormData(form)</c> lists them, with the given fields replacing the
    /// values of their names, and <c>_unused_</c> markers as the client's <c>serializeForm</c> adds them.
    /// </summary>
    private string Serialize(IHtmlFormElement form, IReadOnlyList<(string Name, string Value)> fields, HashSet<string> used, string? only)
    {
        var controls = Controls(form).ToList();
        // One slot per control in document order; null values keep unchecked boxes' places for given values.
        var slots = new List<(string Name, string? Value)>();
        foreach (var control in controls)
        {
            if (Name(control) is { } name)
            {
                slots.AddRange(Values(control).Select(value => (name, value)));
            }
        }
        foreach (var group in fields.GroupBy(field => field.Name, StringComparer.Ordinal))
        {
            var at = slots.FindIndex(slot => slot.Name == group.Key);
            if (at < 0)
            {
                throw new LiveViewTestException($"The form '{Selector}' has no field named '{group.Key}'. Its fields: {string.Join(", ", slots.Select(slot => slot.Name).Distinct())}.");
            }
            slots.RemoveAll(slot => slot.Name == group.Key);
            slots.InsertRange(Math.Min(at, slots.Count), group.Select(field => (field.Name, (string?)field.Value)));
        }

        var skipUnused = form.HasAttribute("phx-no-unused-field");
        var unused = new Dictionary<string, bool>(StringComparer.Ordinal);
        var onlyHidden = new Dictionary<string, bool>(StringComparer.Ordinal);
        lock (used)
        {
            foreach (var control in controls)
            {
                if (Name(control) is not { } name)
                {
                    continue;
                }
                var isUsed = used.Contains(name) || control.HasAttribute("phx-no-unused-field");
                unused[name] = unused.GetValueOrDefault(name, true) && !isUsed;
                onlyHidden[name] = onlyHidden.GetValueOrDefault(name, true) && control is IHtmlInputElement { Type: "hidden" };
            }
        }

        var encoded = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in slots)
        {
            if (value is null || (only is not null && name != only))
            {
                continue;
            }
            if (!skipUnused && unused.GetValueOrDefault(name) && !onlyHidden.GetValueOrDefault(name))
            {
                encoded.Add(new(UnusedName(name), ""));
            }
            encoded.Add(new(name, value));
        }
        return FormUrlEncoder.Encode(encoded);
    }

    /// <summary>The form's controls in document order (<c>form.elements</c>) that <c>FormData</c> reads.</summary>
    private static IEnumerable<IElement> Controls(IHtmlFormElement form) =>
        form.Elements.Where(control => control is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement
            && !control.HasAttribute("disabled")
            && control.Closest("fieldset[disabled]") is null);

    private static string? Name(IElement control) => control.GetAttribute("name") is { Length: > 0 } name ? name : null;

    /// <summary>What <c>FormData</c> takes from one control; a single null for a box that is not checked (nothing sent).</summary>
    private static IEnumerable<string?> Values(IElement control) => control switch
    {
        IHtmlInputElement { Type: "checkbox" or "radio" } box => [box.IsChecked ? box.GetAttribute("value") ?? "on" : null],
        IHtmlInputElement { Type: "file" or "submit" or "button" or "reset" or "image" } => [],
        IHtmlInputElement input => [input.Value],
        IHtmlTextAreaElement textArea => [textArea.Value],
        IHtmlSelectElement select => SelectValues(select),
        _ => [],
    };

    private static IEnumerable<string?> SelectValues(IHtmlSelectElement select)
    {
        var options = select.Options.Where(option => !option.IsDisabled).ToList();
        var selected = options.Where(option => option.HasAttribute("selected")).ToList();
        if (selected.Count == 0 && !select.IsMultiple && options.Count > 0)
        {
            selected.Add(options[0]);
        }
        if (!select.IsMultiple && selected.Count > 1)
        {
            selected.RemoveRange(0, selected.Count - 1);
        }
        return selected.Select(option => (string?)option.Value);
    }

    /// <summary><c>prependFormDataKey(key, "_unused_")</c>: the prefix goes on the last key segment (<c>user[email]</c> → <c>user[_unused_email]</c>).</summary>
    internal static string UnusedName(string key)
    {
        var isArray = key.EndsWith("[]", StringComparison.Ordinal);
        var baseKey = isArray ? key[..^2] : key;
        var end = baseKey.EndsWith(']') ? baseKey.Length - 1 : baseKey.Length;
        var start = end;
        while (start > 0 && baseKey[start - 1] is not ('[' or ']'))
        {
            start--;
        }
        if (start < end)
        {
            baseKey = baseKey[..start] + UnusedPrefix + baseKey[start..];
        }
        return isArray ? baseKey + "[]" : baseKey;
    }

    private static string Shorten(string html) => html.Length <= 500 ? html : html[..500] + "…";
}
