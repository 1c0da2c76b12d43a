using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using RekindleApp;

namespace RekindleTests;

/// <summary>The app on the in-memory TestServer with a data folder of its own (key ring and snapshots), deleted afterwards.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string _dataPath;

    private TestApp(WebApplication app, string dataPath)
    {
        App = app;
        _dataPath = dataPath;
    }

    public WebApplication App { get; }

    public static async Task<TestApp> StartAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "RekindleTests", Guid.NewGuid().ToString("N"));
        var app = AppHost.Build(["--Rekindle:DataPath", dataPath], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new TestApp(app, dataPath);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
