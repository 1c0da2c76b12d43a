using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Rekindle.Hosting;

/// <summary>Puts the WebSockets middleware first in the pipeline, so <c>MapLiveView</c> is all an app has to call.</summary>
internal sealed class WebSocketsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets();
        next(app);
    };
}
