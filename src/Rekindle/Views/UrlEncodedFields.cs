using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Rekindle.Views;

/// <summary>
/// Parses <c>application/x-www-form-urlencoded</c> text (a form event's value, a query string) into
/// names with all their values, in the order sent. Names are case-sensitive, as in Phoenix:
/// <c>QueryHelpers.ParseQuery</c> would merge <c>user[Name]</c> into <c>user[name]</c>.
/// </summary>
internal static class UrlEncodedFields
{
    public static Dictionary<string, StringValues> Parse(string? text)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in new QueryStringEnumerable(text))
        {
            var name = pair.DecodeName().ToString();
            fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), pair.DecodeValue().ToString());
        }
        return fields;
    }
}
