using Rekindle.Hosting;
using RekindleApp.Counter;
using RekindleApp.Signup;

namespace RekindleApp;

/// <summary>Builds the app; Program.cs runs it, and tests start it in memory with their own settings.</summary>
public static class AppHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Keeps the key ring and the views' snapshots in ./data, so pages come back after a restart.
        builder.Services.AddRekindle(options => options.Layout = AppLayout.Render);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseStaticFiles();
        app.MapLiveView<CounterLive>("/");
        app.MapLiveView<SignupLive>("/signup");
        return app;
    }
}
