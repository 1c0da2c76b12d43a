using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rekindle.TestApp;

/// <summary>
/// A real Kestrel server on a free loopback port, serving the sample's routes plus the test views,
/// with its own data folder and a log sink the tests can read.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private TestHost(WebApplication app, Uri baseAddress, string dataPath, TestLogSink logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataPath = dataPath;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<TestHost> StartAsync(params string[] extraArgs) => StartWithDataAsync(NewDataPath(), extraArgs);

    public static string NewDataPath() => Path.Combine(Path.GetTempPath(), "rekindle-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Starts a host on an existing data folder: a restart of the same app, same key ring.</summary>
    public static async Task<TestHost> StartWithDataAsync(string dataPath, params string[] extraArgs)
    {
        var logs = new TestLogSink();
        string[] args = ["--urls", "http://127.0.0.1:0", "--Rekindle:DataPath", dataPath, .. extraArgs];
        var app = Ballots.BallotsApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            TestViews.Configure(builder);
        }, TestViews.Map);
        await app.StartAsync();
        // Kestrel fills the feature at start; port 0 is resolved to the real port there.
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address), dataPath, logs);
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Stops the node; a second call (a test that stopped the node itself, then its <c>await using</c>) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
