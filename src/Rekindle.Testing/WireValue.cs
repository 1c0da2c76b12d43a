using System.Text.Json;

namespace Rekindle.Testing;

/// <summary>
/// JSON read into plain mutable values, as JavaScript holds a parsed diff: objects are
/// <see cref="Dictionary{TKey, TValue}"/> of string keys, arrays are <see cref="List{T}"/>, numbers
/// <see cref="double"/>, and subtrees can be shared by reference the way the client's merge shares
/// them. <see cref="RenderedTree"/> works on this model so it can follow the client line by line.
/// </summary>
internal static class WireValue
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectFrom(element),
        JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static Dictionary<string, object?> ObjectFrom(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Expected a JSON object in the rendered tree, got {element.ValueKind}: {element.GetRawText()}");
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = From(property.Value);
        }
        return result;
    }

    /// <summary>A deep copy, as <c>structuredClone</c> makes one.</summary>
    public static object? Clone(object? value) => value switch
    {
        Dictionary<string, object?> map => CloneObject(map),
        List<object?> list => list.Select(Clone).ToList(),
        _ => value,
    };

    public static Dictionary<string, object?> CloneObject(Dictionary<string, object?> map)
    {
        var copy = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            copy[key] = Clone(value);
        }
        return copy;
    }

    /// <summary>A number as the key JavaScript would use to index an object with it (<c>3</c> → <c>"3"</c>).</summary>
    public static string Key(double number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How JavaScript turns a value written into the HTML buffer into text.</summary>
    public static string Text(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => Key(number),
        _ => throw new InvalidOperationException("Unexpected value in the rendered tree: " + value.GetType().Name),
    };
}
