using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Rekindle.TestApp;

/// <summary>The views tests use beside the sample's own.</summary>
public static class TestViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapLiveView<FormLive>("/test/form");
        app.MapLiveView<KeysLive>("/test/keys");
        app.MapLiveView<CrashLive>("/test/crash");
        app.MapLiveView<ListLive>("/test/list");
    }
}
