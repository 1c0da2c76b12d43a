using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp.Containers;

/// <summary>The views of the container tests: containers declared by view types and given to LiveRender.</summary>
public static class ContainerViews
{
    public static void Map(IEndpointRouteBuilder app) => app.MapLiveView<ContainerTableLive>("/test/containers");
}
