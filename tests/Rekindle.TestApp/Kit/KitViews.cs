using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Kit;

/// <summary>The views Rekindle.Testing's own tests use (under <c>/test/kit/</c>).</summary>
public static class KitViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<DraftLive>("/test/kit/draft");
        app.MapLiveView<VisitorLive>("/test/kit/visitor");
    }
}
