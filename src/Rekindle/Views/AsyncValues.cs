namespace Rekindle.Views;

/// <summary>
/// Checks, on the thread pool where the work ran, that a multi-key <c>AssignAsync</c> returned a value
/// for each of its keys, no other, each of its property's type. Anything else throws, which fails every
/// key together with the message (and logs it) as any exception of the work does.
/// </summary>
internal static class AsyncValues
{
    public static object? Check(string owner, IReadOnlyList<AsyncProperty> properties, IReadOnlyDictionary<string, object?>? values)
    {
        var keys = string.Join(", ", properties.Select(property => property.Name));
        if (values is null)
        {
            throw new ArgumentException($"{owner}: AssignAsync([{keys}]) expected the work to return a value for each key, got null.");
        }
        var missing = properties.Where(property => !values.ContainsKey(property.Name)).Select(property => property.Name).ToArray();
        var extra = values.Keys.Where(key => properties.All(property => property.Name != key)).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
        {
            throw new ArgumentException(
                $"{owner}: AssignAsync([{keys}]) expected the work to return a value for each key and no other, got [{string.Join(", ", values.Keys)}]"
                + (missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : "")
                + (extra.Length > 0 ? $"; not a key: {string.Join(", ", extra)}" : "")
                + ".");
        }
        foreach (var property in properties)
        {
            var value = values[property.Name];
            if (!property.Accepts(value))
            {
                throw new ArgumentException(
                    $"{owner}: AssignAsync([{keys}]) expected a {property.ValueType.Name} for {property.Name}, got {value?.GetType().Name ?? "null"}.");
            }
        }
        return values;
    }
}
