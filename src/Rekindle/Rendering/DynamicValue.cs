using System.Globalization;

namespace Rekindle.Rendering;

/// <summary>Turns a hole's value into what a dynamic slot holds: escaped text or a nested node.</summary>
internal static class DynamicValue
{
    public static object From<T>(T value, string? format) => value switch
    {
        null => "",
        string text => HtmlEscaper.Escape(text),
        Rendered or Comprehension or ComponentRef or TagAttribute => value,
        RawHtml raw => raw.Html,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => HtmlEscaper.Escape(formattable.ToString(format, CultureInfo.InvariantCulture)),
        _ => HtmlEscaper.Escape(value.ToString() ?? ""),
    };
}
