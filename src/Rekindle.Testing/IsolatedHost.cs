using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rekindle.Hosting;

namespace Rekindle.Testing;

/// <summary>
/// A minimal application of its own for a view or component under test without the app's routes,
/// as Phoenix's <c>live_isolated</c> and bUnit's test context: <c>AddRekindle()</c>, the test's
/// services, one route, on the TestServer and a temporary data folder deleted with the view.
/// </summary>
internal static class IsolatedHost
{
    public const string Path = "/rekindle-isolated";

    public static async Task<LiveViewTest> MountAsync<TView>(string query, Action<IServiceCollection>? services, CancellationToken cancellationToken)
        where TView : Views.LiveView
    {
        var dataPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rekindle-isolated", Guid.NewGuid().ToString("N"));
        // MountErrorPage off: an exception while mounting reaches the TestServer, which hands it to the test.
        var builder = WebApplication.CreateBuilder(["--Rekindle:DataPath", dataPath, "--Rekindle:MountErrorPage", "false"]);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddRekindle();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapLiveView<TView>(Path);
        async ValueTask StopAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A temp folder left behind is harmless.
            }
        }
        try
        {
            await app.StartAsync(cancellationToken);
            var view = await LiveTest.Browser(app).MountAsync<TView>(Path + query, cancellationToken);
            view.OnDispose = StopAsync;
            return view;
        }
        catch
        {
            await StopAsync();
            throw;
        }
    }
}
