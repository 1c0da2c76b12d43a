using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>CSS selection in a view's HTML as the browser's DOM holds it inside the view's container, with an optional text filter.</summary>
internal static class ElementQuery
{
    public static IReadOnlyList<IElement> All(string viewId, string html, string selector, string? text, string containerTag = "div")
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var container = document.CreateElement(containerTag);
        container.Id = viewId;
        container.SetAttribute("data-phx-main", "");
        // Parsed in the context of the view's container, as the browser parses a patch of it: the cells of a tr stay cells.
        container.Append([.. parser.ParseFragment(html, container)]);
        document.Body!.AppendChild(container); // the document above has a body
        try
        {
            var matches = container.QuerySelectorAll(selector);
            return [.. text is null ? matches : matches.Where(match => match.TextContent.Contains(text, StringComparison.Ordinal))];
        }
        catch (DomException exception)
        {
            throw new LiveViewTestException($"'{selector}' is not a valid CSS selector: {exception.Message}", exception);
        }
    }

    /// <summary>The one match (or the <paramref name="index"/>th one) of <paramref name="selector"/> whose text contains <paramref name="text"/>.</summary>
    public static IElement Single(string viewId, string html, string selector, string? text, int? index, string containerTag = "div")
    {
        var matches = All(viewId, html, selector, text, containerTag);
        var what = text is null ? $"'{selector}'" : $"'{selector}' with text '{text}'";
        if (index is { } at)
        {
            return at < matches.Count
                ? matches[at]
                : throw new LiveViewTestException($"Match {at} of {what} is gone: {matches.Count} element(s) of the view match now. The view's HTML:\n{html}");
        }
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new LiveViewTestException($"No element of the view matches {what}. The view's HTML:\n{html}"),
            _ => throw new LiveViewTestException($"{matches.Count} elements of the view match {what}; expected exactly one:\n{string.Join("\n", matches.Select(match => match.OuterHtml))}"),
        };
    }
}
