using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rekindle.Testing;

/// <summary>A form's values as the client serializes them for form events (docs/protocol.md §5.3).</summary>
internal static class FormValues
{
    private const string UnusedPrefix = "_unused_";

    /// <summary>What names a form across renders: its id, else its event names.</summary>
    public static string Key(IHtmlFormElement form) => form.Id ?? form.GetAttribute("phx-submit") ?? form.GetAttribute("phx-change") ?? "";

    /// <summary>
    /// The form's values as <c>new FormData(form)</c> lists them, with the given fields replacing the
    /// values of their names, and <c>_unused_</c> markers as the client's <c>serializeForm</c> adds them.
    /// </summary>
    public static string Serialize(IHtmlFormElement form, string selector, IReadOnlyList<(string Name, string Value)> fields, HashSet<string> used, string? only, IElement? submitter = null)
    {
        var controls = Controls(form).ToList();
        // One slot per control in document order; null values keep unchecked boxes' places for given values.
        var slots = new List<(string Name, string? Value)>();
        foreach (var control in form.Elements)
        {
            if (Name(control) is not { } name)
            {
                continue;
            }
            if (control == submitter)
            {
                // The client puts the submitter's name and value where the button is (docs/protocol.md §5.3).
                slots.Add((name, control.GetAttribute("value") ?? ""));
            }
            else if (controls.Contains(control))
            {
                slots.AddRange(Values(control).Select(value => (name, value)));
            }
        }
        foreach (var group in fields.GroupBy(field => field.Name, StringComparer.Ordinal))
        {
            var at = slots.FindIndex(slot => slot.Name == group.Key);
            if (at < 0)
            {
                throw new LiveViewTestException($"The form '{selector}' has no field named '{group.Key}'. Its fields: {string.Join(", ", slots.Select(slot => slot.Name).Distinct())}.");
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
    public static IEnumerable<IElement> Controls(IHtmlFormElement form) =>
        form.Elements.Where(control => control is IHtmlInputElement or IHtmlSelectElement or IHtmlTextAreaElement
            && !control.HasAttribute("disabled")
            && control.Closest("fieldset[disabled]") is null);

    public static string? Name(IElement control) => control.GetAttribute("name") is { Length: > 0 } name ? name : null;

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
    public static string UnusedName(string key)
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
}
