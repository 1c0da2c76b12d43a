using System.Buffers;
using System.Runtime.CompilerServices;

namespace Rekindle.Rendering;

/// <summary>
/// Collects an interpolated template: literal parts become the statics, holes the dynamics.
/// Used through <c>Html($"...")</c>; never constructed by hand.
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlTemplateHandler
{
    private string[]? _literals;
    private readonly object?[] _dynamics;
    private int _holes;

    /// <summary>Called by the compiler for <c>Html($"...")</c>.</summary>
    /// <param name="literalLength">The length of the literal parts.</param>
    /// <param name="formattedCount">The number of holes.</param>
    public HtmlTemplateHandler(int literalLength, int formattedCount)
    {
        _dynamics = formattedCount == 0 ? [] : new object?[formattedCount];
        _literals = ArrayPool<string>.Shared.Rent(formattedCount + 1);
        _literals.AsSpan(0, formattedCount + 1).Fill("");
        _holes = 0;
    }

    /// <summary>Called by the compiler for a literal part: it becomes part of a static.</summary>
    public void AppendLiteral(string value)
    {
        var literals = _literals!; // set in the constructor, cleared only by Build
        literals[_holes] = literals[_holes].Length == 0 ? value : literals[_holes] + value;
    }

    /// <summary>Called by the compiler for a hole: a nested template, a component, a list or a value formatted with the invariant culture and HTML-escaped.</summary>
    public void AppendFormatted<T>(T value) => _dynamics[_holes++] = DynamicValue.From(value, format: null);

    /// <summary>Called by the compiler for a hole with a format (<c>{price:F2}</c>), formatted with the invariant culture and HTML-escaped.</summary>
    public void AppendFormatted<T>(T value, string? format) => _dynamics[_holes++] = DynamicValue.From(value, format);

    /// <summary>Called by the compiler for a string hole: HTML-escaped, <see langword="null"/> as empty.</summary>
    public void AppendFormatted(string? value) => _dynamics[_holes++] = value is null ? "" : HtmlEscaper.Escape(value);

    /// <summary>Turns <see cref="TagAttribute"/> values into markup, refusing them outside attribute holes and anything else inside them.</summary>
    private readonly void PlaceAttributes(StaticTemplate template)
    {
        var attributeHoles = template.Shape.AttributeHoles;
        for (var i = 0; i < _dynamics.Length; i++)
        {
            var isAttribute = _dynamics[i] is TagAttribute;
            if (isAttribute != attributeHoles[i])
            {
                throw new InvalidOperationException(isAttribute
                    ? $"Template hole {i} holds an Attr(...) outside a tag. Expected it between a tag's attributes. Template: {template}"
                    : $"Template hole {i} is between a tag's attributes. Expected an Attr(...) value there, or a quoted attribute value name=\"{{…}}\". Template: {template}");
            }
            if (isAttribute)
            {
                _dynamics[i] = ((TagAttribute)_dynamics[i]!).Html;
            }
        }
    }

    internal Rendered Build(string callerFile, int callerLine)
    {
        var literals = _literals!; // set in the constructor; Build is called once
        _literals = null;
        try
        {
            var template = TemplateCache.Get(callerFile, callerLine, literals.AsSpan(0, _dynamics.Length + 1));
            PlaceAttributes(template);
            return new Rendered(template, _dynamics);
        }
        finally
        {
            ArrayPool<string>.Shared.Return(literals, clearArray: true);
        }
    }
}
