using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp;

/// <summary>The views of the backpressure and interrupted-upload tests (issue 18).</summary>
public static class ResilienceViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<SlowTabLive>("/test/slow-tab");
    }
}
