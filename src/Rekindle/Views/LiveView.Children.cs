using System.Text.RegularExpressions;
using Rekindle.Rendering;

namespace Rekindle.Views;

public abstract partial class LiveView
{
    /// <summary>Who renders this view's nested views; set by the dead render and by the join.</summary>
    internal IChildViews? Children { get; set; }

    /// <summary>The route group's live layout around a routed view; <see langword="null"/> for none and for nested views.</summary>
    internal LiveLayout? Layout { get; set; }

    /// <summary>What the page shows of this view: its render, inside its layout if it has one.</summary>
    internal Rendered RenderPage() => Layout is { } layout ? layout.Wrap(this, Render()) : Render();

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
    /// <example>
    /// <code>
    /// public override Rendered Render() =&gt; Html($"&lt;main&gt;{LiveRender&lt;ClockLive&gt;("clock", session: new Dictionary&lt;string, string&gt; { ["zone"] = "UTC" })}&lt;/main&gt;");
    /// </code>
    /// </example>
    protected RawHtml LiveRender<TView>(string id, IReadOnlyDictionary<string, string>? session = null, bool sticky = false)
        where TView : LiveView
    {
        RequireChildId(id);
        var children = Children ?? throw new InvalidOperationException($"{GetType().Name} rendered LiveRender<{typeof(TView).Name}>(\"{id}\") outside a page render. Expected LiveRender in Render() of a view mounted by a route or by another LiveRender.");
        return Raw(children.Render(typeof(TView), id, session, sticky));
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
