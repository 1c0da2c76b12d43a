using Ballots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Testing.Tests;

/// <summary>
/// The Ballots sample plus the test views, on the in-memory TestServer, with a data folder of its
/// own (a fresh key ring, snapshot store and ballots.db). One per test class.
/// </summary>
public class InMemoryApp : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "rekindle-testing-tests", Guid.NewGuid().ToString("N"));
    private readonly string[] _extraArgs;

    public InMemoryApp()
        : this([])
    {
    }

    protected InMemoryApp(string[] extraArgs) => _extraArgs = extraArgs;

    public WebApplication App { get; private set; } = default!;

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        App = Build(_dataPath, _extraArgs);
        await App.StartAsync();
    }

    private static WebApplication Build(string dataPath, string[] extraArgs) =>
        BallotsApp.Build(["--Rekindle:DataPath", dataPath, .. extraArgs], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        }, TestViews.Map);

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
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

/// <summary>The app with the election page in the manual recovery mode (<c>--Recovery:Mode=Manual</c>).</summary>
public sealed class ManualModeApp() : InMemoryApp(["--Recovery:Mode=Manual"]);
