using Microsoft.AspNetCore.Routing;
using Rekindle.Views;

namespace Rekindle.Routing;

/// <summary>A view's params as LiveView gives them: the query string, then route values over it.</summary>
internal static class RouteParameters
{
    public static IReadOnlyDictionary<string, string?> From(RouteValueDictionary routeValues, string? query)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, values) in UrlEncodedFields.Parse(query))
        {
            parameters[name] = values.Count > 0 ? values[^1] : null;
        }
        foreach (var (name, value) in routeValues)
        {
            parameters[name] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        return parameters;
    }
}
