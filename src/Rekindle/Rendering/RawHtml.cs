namespace Rekindle.Rendering;

/// <summary>Trusted markup that a template inserts without escaping. Made by <c>Raw(...)</c>.</summary>
public sealed class RawHtml(string html)
{
    /// <summary>The markup, inserted as it is.</summary>
    public string Html { get; } = html;

    /// <summary>Returns <see cref="Html"/>.</summary>
    public override string ToString() => Html;
}
