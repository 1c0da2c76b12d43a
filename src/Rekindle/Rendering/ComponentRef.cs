namespace Rekindle.Rendering;

/// <summary>
/// A stateful component placed in a template by <c>Component&lt;T&gt;(id, assigns)</c>. The runtime resolves it
/// to a component instance and its cid before the tree is diffed.
/// </summary>
public sealed class ComponentRef
{
    internal ComponentRef(Type componentType, string id, object? assigns)
    {
        ComponentType = componentType;
        Id = id;
        Assigns = assigns;
    }

    internal Type ComponentType { get; }

    internal string Id { get; }

    internal object? Assigns { get; }

    /// <summary>Set by the component resolver: the cid this reference renders as.</summary>
    internal int Cid { get; set; }

    /// <summary>Set by the component resolver: the component's current render (used by the dead render).</summary>
    internal Rendered? Output { get; set; }
}
