using Ballots.Counter;
using Ballots.Seed;

namespace Ballots;

/// <summary>Builds the Ballots sample; tests start it in-process with their own arguments and extra routes.</summary>
public static class BallotsApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRekindle(options => options.HeadHtml = Styles.Link + SeedScript.Tag);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect("/counter"));
        app.MapGet(Styles.Path, () => Results.Text(Styles.Css, "text/css"));
        app.MapGet(SeedScript.Path, () => Results.Text(SeedScript.Source, "text/javascript"));
        app.MapLiveView<CounterLive>("/counter");
        app.MapLiveView<SeedLive>("/seed");
        mapMore?.Invoke(app);
        return app;
    }
}
