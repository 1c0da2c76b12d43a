using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;

namespace Rekindle.TestApp;

/// <summary>The views of the error page tests: a dead render that throws (CrashLive covers a connected view).</summary>
public static class ErrorPageViews
{
    public static void Map(IEndpointRouteBuilder app) => app.MapLiveView<MountCrashLive>("/test/mount-crash");
}
