using Ballots.Counter;
using Ballots.Data;
using Ballots.Elections;
using Ballots.Manage;
using Ballots.Seed;
using Ballots.Voting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Rekindle.Hosting;
using Rekindle.Redis;

namespace Ballots;

/// <summary>Builds the Ballots sample; tests start it in-process with their own arguments and extra routes.</summary>
public static class BallotsApp
{
    /// <summary>The configuration key choosing the election page's recovery: <c>Automatic</c> (default) or <c>Manual</c>.</summary>
    public const string RecoveryModeKey = "Recovery:Mode";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IEndpointRouteBuilder>? mapMore = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var rekindle = builder.Services.AddRekindle(options => options.HeadHtml = Styles.Link + SeedScript.Tag + VotingScript.Tag);
        if (builder.Configuration["Redis:Connection"] is { Length: > 0 } redis)
        {
            // Cluster mode (deploy/cluster.sh): PubSub, snapshots and the key ring shared through Redis.
            rekindle.AddRedis(redis); // the other settings bind from Rekindle:Redis
        }
        // SQLite in the data folder by default; --Database:Provider=Postgres for nodes on several machines.
        builder.Services.AddSingleton(services => new VoteStore(VoteDatabaseSettings.Create(builder.Configuration, Path.Combine(
            services.GetRequiredService<IHostEnvironment>().ContentRootPath,
            services.GetRequiredService<IOptions<RekindleOptions>>().Value.DataPath,
            "ballots.db"))));
        builder.Services.AddSingleton<IVoterIdentity, SessionVoterIdentity>();
        // Traces and metrics, when --Telemetry:Exporter=console or otlp asks for them.
        BallotsTelemetry.Add(builder);
        configure?.Invoke(builder);
        var mode = ReadRecoveryMode(builder.Configuration[RecoveryModeKey]);
        var app = builder.Build();
        app.Services.GetRequiredService<VoteStore>().Initialize();
        // Behind nginx (deploy/cluster.sh) the user's address comes in X-Forwarded-For, trusted from a
        // loopback proxy only (the default KnownProxies): the per-address join limit then counts
        // users, not the proxy.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });

        // Readiness for load balancers and orchestrators (deploy/nginx.conf passes it through): 503 while
        // Redis has not answered since startup or while the node drains; liveness answers as long as the process does.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(RekindleHealthChecks.ReadyTag),
            ResponseWriter = HealthReportText.WriteAsync,
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapGet(Styles.Path, () => Results.Text(Styles.Css, "text/css"));
        app.MapGet(SeedScript.Path, () => Results.Text(SeedScript.Source, "text/javascript"));
        app.MapGet(VotingScript.Path, () => Results.Text(VotingScript.Source, "text/javascript"));
        app.MapLiveView<ElectionListLive>("/");
        if (mode == RecoveryMode.Manual)
        {
            app.MapLiveView<ManualElectionLive>("/elections/{id}");
        }
        else
        {
            app.MapLiveView<ElectionLive>("/elections/{id}");
        }
        app.MapLiveView<ManageElectionLive>("/elections/{id}/manage");
        app.MapLiveView<CounterLive>("/counter");
        app.MapLiveView<SeedLive>("/seed");
        mapMore?.Invoke(app);
        return app;
    }

    private static RecoveryMode ReadRecoveryMode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return RecoveryMode.Automatic;
        }
        if (Enum.TryParse<RecoveryMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }
        throw new InvalidOperationException($"{RecoveryModeKey} is '{value}'. Expected Automatic or Manual.");
    }
}
