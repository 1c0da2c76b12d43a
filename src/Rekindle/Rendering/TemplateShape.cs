namespace Rekindle.Rendering;

/// <summary>What the template analyzer learned about a template's markup.</summary>
/// <param name="IsSingleRoot">The output is exactly one element (components need it for <c>"r": 1</c>).</param>
internal sealed record TemplateShape(bool IsSingleRoot);
