namespace Rekindle.Rendering;

/// <summary>Trusted markup that a template inserts without escaping. Made by <c>Raw(...)</c>.</summary>
public sealed class RawHtml(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;
}
