using System.Collections.Concurrent;

namespace Rekindle.Views;

/// <summary>
/// The container a live view sits in by default (Phoenix's <c>use Phoenix.LiveView, container: {...}</c>):
/// its tag and extra attributes as name/value pairs. A route's <c>container:</c> (<c>MapLiveView</c>) and
/// a <c>LiveRender(..., container: ...)</c> override it; without any, the container is a bare <c>div</c>.
/// </summary>
/// <param name="tag">A lower-case element name such as <c>tr</c> or <c>section</c>.</param>
/// <param name="attributes">Name, value, name, value…; <c>id</c> and <c>data-phx-*</c> are Rekindle's.</param>
/// <example><code>[Container("tr", "class", "row")] public sealed class RowLive : LiveView { ... }</code></example>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class ContainerAttribute(string tag, params string[] attributes) : Attribute
{
    private static readonly ConcurrentDictionary<Type, LiveContainer?> s_byType = new();

    /// <summary>The element name.</summary>
    public string Tag { get; } = tag;

    /// <summary>The extra attributes as name/value pairs.</summary>
    public IReadOnlyList<string> Attributes { get; } = attributes;

    /// <summary>The container <paramref name="viewType"/> declares, or <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The declaration is not a valid container (an odd number of attribute strings, a bad tag or attribute name).</exception>
    internal static LiveContainer? Of(Type viewType) => s_byType.GetOrAdd(viewType, static type =>
        type.GetCustomAttributes(typeof(ContainerAttribute), inherit: true) is [ContainerAttribute declared, ..] ? declared.ToContainer(type) : null);

    private LiveContainer ToContainer(Type viewType)
    {
        if (Attributes.Count % 2 != 0)
        {
            throw new ArgumentException($"[Container] on {viewType.Name} has {Attributes.Count} attribute strings. Expected name/value pairs, as in [Container(\"tr\", \"class\", \"row\")].");
        }
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Attributes.Count; i += 2)
        {
            pairs[Attributes[i]] = Attributes[i + 1];
        }
        return new LiveContainer(Tag, pairs);
    }
}
