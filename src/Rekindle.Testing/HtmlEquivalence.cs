using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>
/// Compares markup as a reader would, as bUnit's <c>MarkupMatches</c> does: the same elements,
/// attributes in any order, text with runs of whitespace as one space and whitespace-only text and
/// comments ignored; the client's <c>data-phx-*</c> bookkeeping attributes are left out.
/// </summary>
internal static partial class HtmlEquivalence
{
    /// <summary>A canonical text of <paramref name="html"/>, one line per node, indented by depth.</summary>
    public static string Canonical(string html)
    {
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body><template id=\"rekindle-equivalence\">{html}</template></body></html>");
        var root = ((AngleSharp.Html.Dom.IHtmlTemplateElement)document.GetElementById("rekindle-equivalence")!).Content; // created just above
        var text = new StringBuilder();
        foreach (var node in root.ChildNodes)
        {
            Write(text, node, 0);
        }
        return text.ToString();
    }

    private static void Write(StringBuilder text, INode node, int depth)
    {
        switch (node)
        {
            case IElement element:
                var attributes = element.Attributes
                    .Where(attribute => !attribute.Name.StartsWith("data-phx-", StringComparison.Ordinal))
                    .OrderBy(attribute => attribute.Name, StringComparer.Ordinal)
                    .Select(attribute => $" {attribute.Name}=\"{Whitespace().Replace(attribute.Value, " ").Trim()}\"");
                text.Append(' ', depth * 2).Append('<').Append(element.LocalName).Append(string.Concat(attributes)).Append(">\n");
                var children = element is AngleSharp.Html.Dom.IHtmlTemplateElement template ? template.Content.ChildNodes : element.ChildNodes;
                foreach (var child in children)
                {
                    Write(text, child, depth + 1);
                }
                break;
            case IText content when Whitespace().Replace(content.Data, " ").Trim() is { Length: > 0 } words:
                text.Append(' ', depth * 2).Append(words).Append('\n');
                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
