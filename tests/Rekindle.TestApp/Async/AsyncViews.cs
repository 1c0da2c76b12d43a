using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Async;

/// <summary>The views of the async-work tests.</summary>
public static class AsyncViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<AsyncLive>("/test/async");
        app.MapLiveView<AsyncTeamLive>("/test/async-team");
    }
}
