using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Views;

namespace Rekindle.Hosting;

/// <summary>
/// A route group (Phoenix's <c>live_session</c>): live navigation stays within it, and its on-mount
/// hooks run before every view of it mounts. Returned by <c>app.MapLiveSession(name)</c>.
/// </summary>
/// <example>
/// <code>
/// var admin = app.MapLiveSession("admin").OnMount&lt;RequireAdmin&gt;();
/// admin.MapLiveView&lt;UsersLive&gt;("/admin/users");
/// app.MapLiveSession("docs").WithRootLayout(DocsLayout.Render).WithLayout&lt;DocsNav&gt;().MapLiveView&lt;PageLive&gt;("/docs/{slug}");
/// </code>
/// </example>
public sealed class LiveSessionBuilder
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly LiveSessionHooks _hooks;
    private readonly LiveSessionLayouts _layouts;

    internal LiveSessionBuilder(IEndpointRouteBuilder endpoints, LiveSessionHooks hooks, LiveSessionLayouts layouts, string name)
    {
        _endpoints = endpoints;
        _hooks = hooks;
        _layouts = layouts;
        Name = name;
    }

    /// <summary>The route group's name, as given to <c>MapLiveView(pattern, liveSession)</c>.</summary>
    public string Name { get; }

    /// <summary>Adds a hook created from DI for each mount (the request's services, or the view's scope when connected).</summary>
    public LiveSessionBuilder OnMount<THook>()
        where THook : IOnMountHook
    {
        _hooks.Add(Name, context => ActivatorUtilities.GetServiceOrCreateInstance<THook>(context.Services).OnMountAsync(context));
        return this;
    }

    /// <summary>Adds a hook; hooks run in the order they were added, until one halts.</summary>
    public LiveSessionBuilder OnMount(Func<OnMountContext, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _hooks.Add(Name, hook);
        return this;
    }

    /// <summary>
    /// The page around the dead render of every view of this route group (Phoenix's
    /// <c>live_session ... root_layout:</c>), instead of <see cref="RekindleOptions.Layout"/>. Live
    /// navigation stays within a route group, so the page never changes layout without a full load.
    /// </summary>
    /// <example><code>app.MapLiveSession("docs").WithRootLayout(page =&gt; DefaultLayout.Render(page).Replace("&lt;body&gt;", "&lt;body class=\"docs\"&gt;"));</code></example>
    public LiveSessionBuilder WithRootLayout(Func<LayoutContext, string> layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layouts.SetRoot(Name, layout);
        return this;
    }

    /// <summary>
    /// The live layout rendered around every view of this route group, inside its container and with
    /// each of its renders (Phoenix's <c>live_session ... layout:</c>); the place for sticky views.
    /// </summary>
    /// <example><code>app.MapLiveSession("app").WithLayout&lt;AppLayout&gt;().MapLiveView&lt;HomeLive&gt;("/");</code></example>
    public LiveSessionBuilder WithLayout<TLayout>()
        where TLayout : LiveLayout
    {
        _layouts.SetLive(Name, typeof(TLayout));
        return this;
    }

    /// <summary>Maps <typeparamref name="TView"/> at <paramref name="pattern"/> in this route group.</summary>
    /// <param name="pattern">A route pattern such as <c>/admin/users/{id}</c>.</param>
    /// <param name="container">The view's container element and its attributes; a bare <c>div</c> when <see langword="null"/>.</param>
    public IEndpointConventionBuilder MapLiveView<TView>(string pattern, LiveContainer? container = null)
        where TView : LiveView => _endpoints.MapLiveView<TView>(pattern, Name, container);
}
