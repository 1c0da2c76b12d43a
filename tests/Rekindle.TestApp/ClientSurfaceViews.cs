using Rekindle.Hosting;

namespace Rekindle.TestApp;

/// <summary>Routes of the test views for the client surface of issue 21: JS commands, uploads, portals.</summary>
public static class ClientSurfaceViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<JsFocusLive>("/test/js-focus");
        app.MapLiveView<AutoUploadLive>("/test/auto-upload");
        app.MapLiveView<PortalLive>("/test/portal");
    }
}
