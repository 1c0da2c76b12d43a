namespace Rekindle.Rendering;

/// <summary>What the template analyzer learned about a template's markup.</summary>
/// <param name="IsSingleRoot">The output is exactly one element (components need it for <c>"r": 1</c>).</param>
/// <param name="AttributeHoles">For each hole, whether it stands between a tag's attributes (only a <see cref="TagAttribute"/> may go there).</param>
internal sealed record TemplateShape(bool IsSingleRoot, bool[] AttributeHoles);
