using Ballots.Counter;
using Ballots.Seed;
using Rekindle.Recovery;

namespace Ballots;

/// <summary>Builds the Ballots sample; tests start it in-process with their own arguments and extra routes.</summary>
public static class BallotsApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var rekindle = builder.Services.AddRekindle(options => options.HeadHtml = Styles.Link + SeedScript.Tag);
        if (string.Equals(builder.Configuration["Ballots:SnapshotStore"], "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            rekindle.AddSqliteStateStore();
        }
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
