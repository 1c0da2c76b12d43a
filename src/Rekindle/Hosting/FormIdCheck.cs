using System.Text.RegularExpressions;

namespace Rekindle.Hosting;

/// <summary>
/// Finds forms that share an <c>id</c> in a rendered page: the client's form recovery matches forms by
/// id (docs/protocol.md §7.6), so duplicates recover into the wrong form. A developer mistake,
/// reported by name rather than failing the page.
/// </summary>
internal static partial class FormIdCheck
{
    public static IEnumerable<string> DuplicateIds(string html) => FormId().Matches(html)
        .Select(match => match.Groups[1].Value)
        .GroupBy(id => id, StringComparer.Ordinal)
        .Where(group => group.Count() > 1)
        .Select(group => group.Key);

    [GeneratedRegex("""<form\b[^>]*?\sid="([^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex FormId();
}
