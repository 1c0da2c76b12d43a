using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Declares route groups of live views.</summary>
public static class LiveSessionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The route group <paramref name="name"/>: add on-mount hooks to it and map its views. Views mapped
    /// with <c>MapLiveView&lt;T&gt;(pattern, liveSession: name)</c> belong to it too.
    /// </summary>
    /// <example><code>app.MapLiveSession("admin").OnMount&lt;RequireAdmin&gt;().MapLiveView&lt;UsersLive&gt;("/admin/users");</code></example>
    public static LiveSessionBuilder MapLiveSession(this IEndpointRouteBuilder endpoints, string name)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var hooks = endpoints.ServiceProvider.GetService<LiveSessionHooks>()
            ?? throw new InvalidOperationException("Rekindle's services are missing. Expected builder.Services.AddRekindle() before MapLiveSession.");
        return new LiveSessionBuilder(endpoints, hooks, endpoints.ServiceProvider.GetRequiredService<LiveSessionLayouts>(), name);
    }
}
