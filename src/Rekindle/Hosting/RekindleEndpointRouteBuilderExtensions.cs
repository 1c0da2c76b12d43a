using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Hosting;
using Rekindle.Views;
using Rekindle.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps live views to routes.</summary>
public static class RekindleEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <typeparamref name="TView"/> at <paramref name="pattern"/>: the GET renders the page, and
    /// the client then joins it over <c>/live/websocket</c> (mapped with the first live route).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">A route pattern such as <c>/elections/{id}</c>.</param>
    /// <param name="liveSession">The route group; live navigation stays within one.</param>
    /// <param name="container">The view's container element and its attributes; when <see langword="null"/>, the one the view declares with <see cref="ContainerAttribute"/>, else a bare <c>div</c>.</param>
    /// <example><code>app.MapLiveView&lt;CounterLive&gt;("/counter");</code></example>
    public static IEndpointConventionBuilder MapLiveView<TView>(this IEndpointRouteBuilder endpoints, string pattern, string liveSession = "default", LiveContainer? container = null)
        where TView : LiveView
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var routes = endpoints.ServiceProvider.GetService<LiveRouteTable>()
            ?? throw new InvalidOperationException("Rekindle's services are missing. Expected builder.Services.AddRekindle() before MapLiveView.");
        var route = routes.Add(pattern, typeof(TView), liveSession, container ?? ContainerAttribute.Of(typeof(TView)));
        var gate = endpoints.ServiceProvider.GetRequiredService<StartupGate>();
        if (routes.ClaimInfrastructure())
        {
            var socket = endpoints.ServiceProvider.GetRequiredService<LiveSocketEndpoint>();
            var assets = endpoints.ServiceProvider.GetRequiredService<ClientAssets>();
            endpoints.Map(LiveSocketEndpoint.Path, context => gate.ServeAsync(context, socket.HandleAsync)).WithDisplayName("Rekindle live socket");
            var longPoll = endpoints.ServiceProvider.GetRequiredService<LongPollEndpoint>();
            endpoints.MapMethods(LongPollEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], context => gate.ServeAsync(context, longPoll.HandleAsync)).WithDisplayName("Rekindle long poll");
            endpoints.MapGet(ClientAssets.ScriptPath, assets.ServeAsync).WithDisplayName("Rekindle client bundle");
        }
        var renderer = endpoints.ServiceProvider.GetRequiredService<DeadRenderer>();
        return endpoints.MapGet(pattern, (HttpContext context) => gate.ServeAsync(context, served => renderer.RenderAsync(served, route)))
            .WithDisplayName($"Live view {typeof(TView).Name}");
    }
}
