using System.Text;

namespace Rekindle.Rendering;

/// <summary>
/// Escapes text for HTML text and for quoted attribute values alike (the template analyzer refuses
/// every other context), so one escaping serves every hole.
/// </summary>
internal static class HtmlEscaper
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'");

    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default: escaped.Append(ch); break;
            }
        }
        return escaped.ToString();
    }
}
