using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        app.MapLiveView<EventsLive>("/test/kit/events");
        app.MapLiveView<LaterLive>("/test/kit/later");
        app.MapPost("/test/kit/echo", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return Results.Text(string.Join("&", form.Select(field => $"{field.Key}={field.Value}")));
        });
    }
}
