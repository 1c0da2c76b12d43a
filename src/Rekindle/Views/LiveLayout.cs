using Rekindle.Rendering;

namespace Rekindle.Views;

/// <summary>
/// The live layout of a route group (Phoenix's <c>live_session ... layout:</c>): markup rendered
/// around every routed view of the group, inside the view's container and with each of its renders.
/// It is where sticky views go: rendered here with <c>sticky: true</c>, a view outlives live
/// navigation between the group's views, keeping its state and topic (docs/protocol.md §2.5, §8.3).
/// Created from DI once per view; nested views get no layout.
/// </summary>
/// <example>
/// <code>
/// public sealed class AppLayout : LiveLayout
/// {
///     public override Rendered Render() =&gt; Html($"""
///         &lt;header&gt;{LiveRender&lt;PlayerLive&gt;("player", sticky: true)}&lt;/header&gt;
///         &lt;main&gt;{Content}&lt;/main&gt;
///         """);
/// }
///
/// app.MapLiveSession("app").WithLayout&lt;AppLayout&gt;().MapLiveView&lt;HomeLive&gt;("/");
/// </code>
/// </example>
public abstract class LiveLayout : LiveTemplate
{
    private LiveView? _view;
    private Rendered? _content;

    /// <summary>The view being rendered, for what the layout shows of it (its <see cref="LiveView.Flash"/>, say).</summary>
    protected LiveView View => _view ?? throw NotRendering();

    /// <summary>The view's own render, to place as a hole of the layout's template.</summary>
    protected Rendered Content => _content ?? throw NotRendering();

    /// <summary>
    /// A live view rendered by the layout, as <see cref="LiveView"/>'s own <c>LiveRender</c>: give
    /// <paramref name="sticky"/> <see langword="true"/> for one that outlives live navigation.
    /// </summary>
    /// <param name="id">The container id, unique in the page; it names the view's topic and its snapshot.</param>
    /// <param name="session">Values for the view's <see cref="MountContext.Session"/>, signed into its token.</param>
    /// <param name="sticky">Whether the view outlives live navigation of the page's main view.</param>
    /// <param name="container">The view's element and its attributes; by default the one <typeparamref name="TView"/> declares with <see cref="ContainerAttribute"/>, else a bare <c>div</c>.</param>
    /// <example><code>Html($"&lt;aside&gt;{LiveRender&lt;ChatLive&gt;("chat", sticky: true)}&lt;/aside&gt;{Content}")</code></example>
    protected RawHtml LiveRender<TView>(string id, IReadOnlyDictionary<string, string>? session = null, bool sticky = false, LiveContainer? container = null)
        where TView : LiveView
    {
        LiveView.RequireChildId(id);
        View.PlaceChild(id, typeof(TView));
        var children = View.Children ?? throw new InvalidOperationException($"{GetType().Name} rendered LiveRender<{typeof(TView).Name}>(\"{id}\") outside a page render. Expected LiveRender in Render() of a layout.");
        return Raw(children.Render(typeof(TView), id, session, sticky, container ?? ContainerAttribute.Of(typeof(TView))));
    }

    /// <summary>Renders <paramref name="view"/>'s <paramref name="content"/> inside this layout.</summary>
    internal Rendered Wrap(LiveView view, Rendered content)
    {
        (_view, _content) = (view, content);
        try
        {
            return Render();
        }
        finally
        {
            (_view, _content) = (null, null);
        }
    }

    private InvalidOperationException NotRendering() =>
        new($"{GetType().Name} read View or Content outside Render(). Expected them only while Rekindle renders the layout around a view.");
}
