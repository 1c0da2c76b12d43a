using System.Text;

namespace Rekindle.Rendering;

/// <summary>
/// The output of one template: its statics (shared by every render of the call site) and the values
/// of its holes. A hole holds escaped HTML (<see cref="string"/>), a nested <see cref="Rendered"/>,
/// a <see cref="Comprehension"/> or a <see cref="ComponentRef"/>.
/// </summary>
/// <remarks>Immutable once built; the diff engine keeps the previous tree to compare the next one with.</remarks>
public sealed class Rendered
{
    internal Rendered(StaticTemplate template, object?[] dynamics)
    {
        Template = template;
        Dynamics = dynamics;
    }

    internal StaticTemplate Template { get; }

    internal object?[] Dynamics { get; }

    /// <summary>The whole HTML, as the dead render sends it.</summary>
    public override string ToString()
    {
        var html = new StringBuilder();
        HtmlOutput.Append(html, this, component: null);
        return html.ToString();
    }
}
