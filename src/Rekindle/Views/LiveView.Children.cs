using System.Text.RegularExpressions;
using Rekindle.Rendering;

namespace Rekindle.Views;

public abstract partial class LiveView
{
    /// <summary>Who renders this view's nested views; set by the dead render and by the join.</summary>
    internal IChildViews? Children { get; set; }

    /// <summary>The route group's live layout around a routed view; <see langword="null"/> for none and for nested views.</summary>
    internal LiveLayout? Layout { get; set; }

    /// <summary>The nested view ids the render under way has placed, to refuse a second child with one of them.</summary>
    /// <remarks>Created by the first nested view: most views render none.</remarks>
    private HashSet<string>? _childIdsThisRender;

    /// <summary>Calls <see cref="LiveTemplate.Render"/> as the runtime does: each render places each nested view id once.</summary>
    internal Rendered RenderView()
    {
        _childIdsThisRender?.Clear();
        return Render();
    }

    /// <summary>What the page shows of this view: its render, inside its layout if it has one.</summary>
    internal Rendered RenderPage()
    {
        var content = RenderView();
        return Layout is { } layout ? layout.Wrap(this, content) : content;
    }

    /// <summary>
    /// Renders a nested live view of type <typeparamref name="TView"/> in a container with this
    /// <paramref name="id"/>: mounted and rendered inside the page on the first GET, then joined over the
    /// same socket with a topic of its own. The child has its own state, events, components and
    /// recovery; its crash does not end this view, and it stops when a render of this view leaves it out.
    /// </summary>
    /// <param name="id">The container id, unique in the page; it names the child's topic and its snapshot.</param>
    /// <param name="session">Values for the child's <see cref="MountContext.Session"/>, signed into its token.</param>
    /// <param name="sticky">
    /// Whether the child outlives live navigation of the page's main view (Phoenix's <c>sticky: true</c>):
    /// it joins as a view of its own instead of as this view's child, keeping its state and topic.
    /// Render sticky views from the route group's <see cref="LiveLayout"/>, so that every view of the
    /// group renders them.
    /// </param>
    /// <param name="container">The child's element and its attributes; by default the one <typeparamref name="TView"/> declares with <see cref="ContainerAttribute"/>, else a bare <c>div</c>.</param>
    /// <example>
    /// <code>
    /// public override Rendered Render() =&gt; Html($"&lt;main&gt;{LiveRender&lt;ClockLive&gt;("clock", session: new Dictionary&lt;string, string&gt; { ["zone"] = "UTC" })}&lt;/main&gt;");
    /// </code>
    /// </example>
    protected RawHtml LiveRender<TView>(string id, IReadOnlyDictionary<string, string>? session = null, bool sticky = false, LiveContainer? container = null)
        where TView : LiveView
    {
        RequireChildId(id);
        PlaceChild(id, typeof(TView));
        var children = Children ?? throw new InvalidOperationException($"{GetType().Name} rendered LiveRender<{typeof(TView).Name}>(\"{id}\") outside a page render. Expected LiveRender in Render() of a view mounted by a route or by another LiveRender.");
        return Raw(children.Render(typeof(TView), id, session, sticky, container ?? ContainerAttribute.Of(typeof(TView))));
    }

    /// <summary>Records that the render under way places a nested view with <paramref name="id"/>; throws for a second one.</summary>
    internal void PlaceChild(string id, Type viewType)
    {
        if (!(_childIdsThisRender ??= new(StringComparer.Ordinal)).Add(id))
        {
            // Two containers with one id share a topic and a snapshot key: the second child could
            // never join (docs/protocol.md §2.5), so this is the developer's mistake to see at once.
            throw new InvalidOperationException($"{GetType().Name} renders more than one nested view with id \"{id}\" (the second is LiveRender<{viewType.Name}>). Expected each LiveRender id to be unique in the page.");
        }
    }

    /// <summary>Throws unless <paramref name="id"/> can be a container id and a topic.</summary>
    internal static void RequireChildId(string id)
    {
        if (id is null || !ValidId().IsMatch(id))
        {
            throw new ArgumentException($"Expected a nested view id of letters, digits, '-' or '_' starting with a letter. Got: '{id}'.", nameof(id));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex ValidId();
}
