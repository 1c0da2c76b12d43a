using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp;

/// <summary>The routes of the nested-view tests.</summary>
public static class NestedViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<NestedParentLive>("/test/nested");
        app.MapLiveView<FailingChildParentLive>("/test/nested-failing");
    }
}
