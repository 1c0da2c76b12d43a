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
/// </code>
/// </example>
public sealed class LiveSessionBuilder
{
    private readonly IEndpointRouteBuilder _endpoints;
    private readonly LiveSessionHooks _hooks;

    internal LiveSessionBuilder(IEndpointRouteBuilder endpoints, LiveSessionHooks hooks, string name)
    {
        _endpoints = endpoints;
        _hooks = hooks;
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

    /// <summary>Maps <typeparamref name="TView"/> at <paramref name="pattern"/> in this route group.</summary>
    public IEndpointConventionBuilder MapLiveView<TView>(string pattern)
        where TView : LiveView => _endpoints.MapLiveView<TView>(pattern, Name);
}
