using System.Buffers;

namespace Rekindle.Rendering;

/// <summary>
/// An attribute whose presence is dynamic (<c>checked</c>, <c>selected</c>, <c>disabled</c>), or a
/// whole name="value" pair. Made by <c>Attr(...)</c>; the only value a template accepts in a hole
/// between a tag's attributes (<c>&lt;input type="radio" {Attr("checked", on)}&gt;</c>).
/// </summary>
public sealed class TagAttribute
{
    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");

    private TagAttribute(string name, string html)
    {
        Name = name;
        Html = html;
    }

    /// <summary>The attribute's name; empty for several joined with <see cref="Join"/>.</summary>
    internal string Name { get; }

    /// <summary>The markup, with a leading space, or empty when the attribute is absent.</summary>
    internal string Html { get; }

    /// <summary>A boolean attribute: present or not.</summary>
    public static TagAttribute Flag(string name, bool present) => new(CheckName(name), present ? " " + name : "");

    /// <summary>An attribute with an escaped value, absent when <paramref name="value"/> is <see langword="null"/>.</summary>
    public static TagAttribute Value(string name, string? value) =>
        new(CheckName(name), value is null ? "" : $" {name}=\"{HtmlEscaper.Escape(value)}\"");

    /// <summary>Several attributes for one hole, in order.</summary>
    internal static TagAttribute Join(IEnumerable<TagAttribute> attributes) => new("", string.Concat(attributes.Select(attribute => attribute.Html)));

    private static string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.AsSpan().ContainsAnyExcept(NameCharacters))
        {
            throw new ArgumentException($"'{name}' is not a valid attribute name. Expected letters, digits, '-', '_', ':' or '.'.", nameof(name));
        }
        return name;
    }
}
