using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rekindle.Testing;

namespace Rekindle.Tests.Runtime;

/// <summary>
/// An in-memory application serving the runtime test views, whose clock is a
/// <see cref="FakeTimeProvider"/> the test moves, and whose data folder is its own.
/// </summary>
internal sealed class RuntimeApp : IAsyncDisposable
{
    /// <summary>Rekindle:Runtime:HandlerTimeout here; the fake clock passes it only when a test says so.</summary>
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly string _dataPath;

    private RuntimeApp(WebApplication app, string dataPath) => (_app, _dataPath) = (app, dataPath);

    public FakeTimeProvider Time => (FakeTimeProvider)_app.Services.GetRequiredService<TimeProvider>();

    public RuntimeProbe Probe => _app.Services.GetRequiredService<RuntimeProbe>();

    public static async Task<RuntimeApp> StartAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "rekindle-runtime-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(["--Rekindle:DataPath", dataPath, "--Rekindle:Runtime:HandlerTimeout", HandlerTimeout.ToString()]);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
        builder.Services.AddSingleton<RuntimeProbe>();
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddRekindle();
        var app = builder.Build();
        app.MapLiveView<OrderingLive>("/ordering");
        app.MapLiveView<CrashingLive>("/crashing");
        app.MapLiveView<HangingLive>("/hanging");
        app.MapLiveView<RestoringLive>("/restoring");
        app.MapLiveView<NavigatingLive>("/navigating");
        await app.StartAsync();
        return new RuntimeApp(app, dataPath);
    }

    /// <summary>A browser of its own: its pages can be joined again, as after a dropped socket.</summary>
    public LiveBrowser NewBrowser() => new(_app.GetTestServer());

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public Task<LiveViewTest> MountAsync<TView>(string path)
        where TView : Rekindle.Views.LiveView => LiveTest.MountAsync<TView>(_app, path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
