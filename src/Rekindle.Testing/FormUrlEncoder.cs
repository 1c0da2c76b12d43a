using System.Text;

namespace Rekindle.Testing;

/// <summary>Encodes name/value pairs as the browser's <c>URLSearchParams.toString()</c> does (the form events' <c>value</c>, docs/protocol.md §5.3).</summary>
internal static class FormUrlEncoder
{
    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }
            Append(text, name);
            text.Append('=');
            Append(text, value);
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'*' or (byte)'-' or (byte)'.' or (byte)'_')
            {
                text.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
