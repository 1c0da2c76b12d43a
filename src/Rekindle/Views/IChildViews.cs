namespace Rekindle.Views;

/// <summary>
/// Renders the container of a nested view (docs/protocol.md §2.5) for the view that calls
/// <see cref="LiveView.LiveRender{TView}"/>: Hosting implements it once for the dead render (the child
/// mounted and rendered inside) and once for a connected view (the container with a signed session).
/// </summary>
internal interface IChildViews
{
    /// <summary>
    /// The container's markup, inserted unescaped into the parent's render. A <paramref name="sticky"/>
    /// view names no parent: the client joins it as a root view that outlives live navigation. The
    /// <paramref name="container"/> (the caller's, else the view type's <see cref="ContainerAttribute"/>)
    /// must be the same in every render, since the client keeps the element.
    /// </summary>
    string Render(Type viewType, string id, IReadOnlyDictionary<string, string>? session, bool sticky, LiveContainer? container);
}
