using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.TestApp;

/// <summary>The test views of recovery under real traffic and deploys (issue 18) and of rejoins after a live patch (issue 17).</summary>
public static class RecoveryTrafficViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<PatchedFormLive>("/test/patched-form");
        app.MapLiveView<PatchedFormLive>("/test/patched-form/edit/{id}");
        app.MapLiveView<AbsenceLive>("/test/absence");
        if (app.ServiceProvider.GetRequiredService<IConfiguration>()["TestApp:NotesAssembly"] is { Length: > 0 } release)
        {
            MapRelease(app, release);
        }
    }

    /// <summary>
    /// Maps <c>/test/notes</c> to the <c>NotesLive</c> of one release (tests/Rekindle.DeployedViews.V1 or
    /// V2): the same type name with other members and template, as a deploy of changed code would.
    /// </summary>
    private static void MapRelease(IEndpointRouteBuilder app, string assemblyPath)
    {
        var view = Assembly.LoadFrom(assemblyPath).GetType("Rekindle.DeployedViews.NotesLive", throwOnError: true)!;
        typeof(RekindleEndpointRouteBuilderExtensions).GetMethod(nameof(RekindleEndpointRouteBuilderExtensions.MapLiveView))!
            .MakeGenericMethod(view)
            .Invoke(null, [app, "/test/notes", "default", null]);
    }
}
