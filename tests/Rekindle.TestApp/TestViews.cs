using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        app.MapLiveView<TickerLive>("/test/ticker");
        app.MapLiveView<WizardLive>("/test/wizard");
        app.MapLiveView<PagesLive>("/test/pages/{page}");
        app.MapLiveView<DuplicateFormsLive>("/test/duplicate-forms");
        app.MapLiveView<TestingToolsLive>("/test/testing-tools");
        app.MapPost("/test/broadcast", async (string message, Rekindle.PubSub.IPubSub pubSub) =>
        {
            await pubSub.BroadcastAsync(TickerLive.Topic, message);
            return Results.NoContent();
        });
    }
}
