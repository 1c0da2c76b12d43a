using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Rekindle.TestApp;

/// <summary>The test views of recovery under real traffic and deploys (issue 18) and of rejoins after a live patch (issue 17).</summary>
public static class RecoveryTrafficViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<PatchedFormLive>("/test/patched-form");
        app.MapLiveView<PatchedFormLive>("/test/patched-form/edit/{id}");
        app.MapLiveView<AbsenceLive>("/test/absence");
    }
}
