using Counter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rekindle.Testing.Tests;

/// <summary>The README's example, on a plain app that maps one view (no sample around it).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task MountAsync_PlainApp_ClicksAndRenders()
    {
        var builder = WebApplication.CreateBuilder(["--Rekindle:DataPath", Path.Combine(Path.GetTempPath(), "rekindle-testing-tests", Guid.NewGuid().ToString("N"))]);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddRekindle();
        await using var app = builder.Build();
        app.MapLiveView<CounterLive>("/");
        await app.StartAsync();

        await using var view = await LiveTest.MountAsync<CounterLive>(app, "/");
        await view.Element("#inc").ClickAsync();

        Assert.Equal("1", view.Element("#count").Text);
    }

    [Fact]
    public async Task ReconnectAsync_PlainAppRestartedOnItsDataFolder_TheCountSurvives()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "rekindle-testing-tests", Guid.NewGuid().ToString("N"));
        async Task<WebApplication> StartAppAsync()
        {
            var builder = WebApplication.CreateBuilder(["--Rekindle:DataPath", dataPath]);
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Services.AddRekindle();
            var app = builder.Build();
            app.MapLiveView<CounterLive>("/counter");
            await app.StartAsync();
            return app;
        }

        var first = await StartAppAsync();
        await using var view = await LiveTest.MountAsync<CounterLive>(first, "/counter");
        await view.Element("#inc").ClickAsync();
        await view.Element("#inc").ClickAsync();
        await first.StopAsync();
        await first.DisposeAsync();

        await using var restarted = await StartAppAsync();
        await view.ReconnectAsync(restarted);

        Assert.Equal("2", view.Element("#count").Text);
        await view.Element("#inc").ClickAsync();
        Assert.Equal("3", view.Element("#count").Text);
    }

    [Fact]
    public async Task MountAsync_AppWithoutTestServer_SaysHowToFixIt()
    {
        var builder = WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LiveTest.MountAsync<CounterLive>(app, "/"));

        Assert.StartsWith("LiveTest needs the application to run on the in-memory TestServer: call builder.WebHost.UseTestServer()", error.Message);
    }
}
