using Ballots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Testing.Tests;

/// <summary>
/// An app a single test builds for itself: the sample plus the test views on the TestServer, on a
/// data folder the test chooses (so a second host can restart on the first one's folder), with the
/// test's own service overrides.
/// </summary>
public sealed class OwnApp : IAsyncDisposable
{
    private OwnApp(WebApplication app, string dataPath)
    {
        App = app;
        DataPath = dataPath;
    }

    public WebApplication App { get; }

    public string DataPath { get; }

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "rekindle-testing-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Builds and starts the app on <paramref name="dataPath"/>; <paramref name="configure"/> adds the test's services (registered last, so they win).</summary>
    public static async Task<OwnApp> StartAsync(string dataPath, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BallotsApp.Build(["--Rekindle:DataPath", dataPath], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        }, TestViews.Map);
        await app.StartAsync();
        return new OwnApp(app, dataPath);
    }

    /// <summary>Stops the host as a deploy does (its sockets close, its files stay).</summary>
    public async Task StopAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
