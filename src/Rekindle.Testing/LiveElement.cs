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

    internal LiveElement(LiveViewTest view, string selector)
    {
        _view = view;
        Selector = selector;
    }

    /// <summary>The CSS selector that finds this element; it must match exactly one.</summary>
    public string Selector { get; }

    /// <summary>The element's HTML now.</summary>
    public string OuterHtml => _view.QuerySingle(Selector).OuterHtml;

    /// <summary>The element's text now (its text content, tags removed).</summary>
    public string Text => _view.QuerySingle(Selector).TextContent;

    /// <summary>An attribute of the element now, or <see langword="null"/> when it has none.</summary>
    public string? GetAttribute(string name) => _view.QuerySingle(Selector).GetAttribute(name);

    /// <summary>
    /// Clicks the element as the client does: sends its <c>phx-click</c> event with its
    /// <c>phx-value-*</c> values (and <c>value</c> for form controls), to the component its
    /// <c>phx-target</c> names; on a live link (<c>data-phx-link</c>), patches or navigates.
    /// Returns the view's HTML once the reply is merged.
    /// </summary>
    /// <exception cref="LiveViewTestException">The element has no <c>phx-click</c> and is no live link, or the server answered with an error.</exception>
    public async Task<string> ClickAsync(CancellationToken cancellationToken = default)
    {
        var element = _view.QuerySingle(Selector);
        if (element.GetAttribute("data-phx-link") is { } link && element.GetAttribute("href") is { } href)
        {
            await _view.FollowLinkAsync(href, link == "patch", element.GetAttribute("data-phx-link-state") == "replace", cancellationToken);
            return _view.RenderedHtml;
        }
        var click = element.GetAttribute("phx-click");
        if (string.IsNullOrEmpty(click))
        {
            throw new LiveViewTestException($"'{Selector}' has no phx-click: {element.OuterHtml}");
        }
        foreach (var (eventName, value, target) in Pushes(element, click))
        {
            foreach (var cid in Targets(_view, element, target))
            {
                var payload = new Dictionary<string, object?> { ["type"] = "click", ["event"] = eventName, ["value"] = value };
                if (cid is not null)
                {
                    payload["cid"] = cid;
                }
                await _view.PushEventAsync(payload, $"click '{eventName}' on '{Selector}'", cancellationToken);
            }
        }
        return _view.RenderedHtml;
    }

    /// <summary>
    /// The events a <c>phx-click</c> sends: its name, or the <c>push</c> operations of a JS command
    /// (other operations act in the browser only).
    /// </summary>
    private List<(string Event, Dictionary<string, object?> Value, string? Target)> Pushes(IElement element, string click)
    {
        var target = element.GetAttribute("phx-target");
        if (!click.StartsWith('['))
        {
            return [(click, Meta(element), target)];
        }
        var pushes = new List<(string, Dictionary<string, object?>, string?)>();
        using var commands = JsonDocument.Parse(click);
        foreach (var command in commands.RootElement.EnumerateArray())
        {
            if (command.GetArrayLength() != 2 || command[0].GetString() != "push")
            {
                continue;
            }
            var arguments = command[1];
            var value = Meta(element);
            if (arguments.TryGetProperty("value", out var extra) && extra.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in extra.EnumerateObject())
                {
                    value[property.Name] = property.Value.Clone();
                }
            }
            var pushTarget = arguments.TryGetProperty("target", out var t) ? t.ToString() : target;
            pushes.Add((arguments.GetProperty("event").GetString() ?? "", value, pushTarget));
        }
        return pushes;
    }

    /// <summary>The client's <c>extractMeta</c> (liveview-protocol.md §5.2): <c>phx-value-*</c>, then the control's <c>value</c>.</summary>
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
    /// Where an event goes (liveview-protocol.md §5.4): no <c>phx-target</c> → the view; a number →
    /// that component, which must be on the page; a selector → the component around each match.
    /// </summary>
    internal static List<int?> Targets(LiveViewTest view, IElement element, string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return [null];
        }
        if (int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var cid))
        {
            if (view.Query($"[data-phx-component=\"{cid}\"]").Count == 0)
            {
                throw new LiveViewTestException($"phx-target=\"{cid}\" of {element.OuterHtml} names no component on the page; the client would send nothing.");
            }
            return [cid];
        }
        var matches = view.Query(target);
        if (matches.Count == 0)
        {
            throw new LiveViewTestException($"phx-target=\"{target}\" of {element.OuterHtml} matches nothing; the client would send nothing.");
        }
        return [.. matches.Select(match => match.Closest("[data-phx-component]")?.GetAttribute("data-phx-component") is { } owner
            ? int.Parse(owner, CultureInfo.InvariantCulture)
            : (int?)null)];
    }
}
