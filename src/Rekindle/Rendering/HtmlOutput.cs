using System.Text;

namespace Rekindle.Rendering;

/// <summary>Writes a rendered tree as plain HTML, for the dead render.</summary>
internal static class HtmlOutput
{
    public static void Append(StringBuilder html, Rendered rendered, Func<ComponentRef, Rendered?>? component)
    {
        var parts = rendered.Template.Parts;
        for (var i = 0; i < rendered.Dynamics.Length; i++)
        {
            html.Append(parts[i]);
            AppendDynamic(html, rendered.Dynamics[i], component);
        }
        html.Append(parts[^1]);
    }

    private static void AppendDynamic(StringBuilder html, object? value, Func<ComponentRef, Rendered?>? component)
    {
        switch (value)
        {
            case string text:
                html.Append(text);
                break;
            case Rendered nested:
                Append(html, nested, component);
                break;
            case Comprehension list when list.Template is { } template:
                foreach (var entry in list.Entries)
                {
                    Append(html, new Rendered(template, entry), component);
                }
                break;
            case ComponentRef reference when (reference.Output ?? component?.Invoke(reference)) is { } output:
                Append(html, output, component);
                break;
        }
    }
}
