using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Hosting;
using Rekindle.Views;

namespace Rekindle.TestApp.Sticky;

/// <summary>
/// The routes of the sticky-view and layout tests: a route group with a page layout of its own and a
/// live layout that renders a sticky counter around its views, two of them in containers of their own,
/// and a second route group with the same layout.
/// </summary>
public static class StickyViews
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var sticky = app.MapLiveSession("sticky")
            .WithLayout<StickyLayout>()
            .WithRootLayout(page => DefaultLayout.Render(page).Replace("<body>", "<body data-root-layout=\"sticky\">", StringComparison.Ordinal));
        sticky.MapLiveView<StickyFirstLive>("/test/sticky/first", new LiveContainer("section", new Dictionary<string, string> { ["class"] = "first-page", ["data-kind"] = "a \"first\" page" }));
        sticky.MapLiveView<StickySecondLive>("/test/sticky/second", new LiveContainer("section", new Dictionary<string, string> { ["class"] = "second-page" }));
        sticky.MapLiveView<StickyThirdLive>("/test/sticky/third");
        // Another route group with the same sticky counter: navigating into it loads the page in full.
        app.MapLiveSession("sticky-other").WithLayout<StickyLayout>().MapLiveView<StickyOtherLive>("/test/sticky-other");
    }
}
