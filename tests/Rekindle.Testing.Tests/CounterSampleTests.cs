using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Rekindle.Testing.Tests;

/// <summary>samples/Counter as <c>dotnet run</c> starts it (its own Program.cs), on the in-memory server.</summary>
public sealed class CounterSampleTests : IAsyncLifetime
{
    private readonly WebApplicationFactory<Counter.CounterLive> _sample = new WebApplicationFactory<Counter.CounterLive>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Rekindle:DataPath", Path.Combine(Path.GetTempPath(), "rekindle-testing-tests", Guid.NewGuid().ToString("N")));
        web.ConfigureLogging(logging => logging.ClearProviders());
    });

    [Fact]
    public async Task Get_Root_ServesTheLivePage()
    {
        using var client = _sample.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-phx-main", html);
        Assert.Contains("<span id=\"count\">0</span>", html);
    }

    [Fact]
    public async Task Click_IncTwiceDecOnce_CountsToOne()
    {
        await using var view = await LiveTest.MountAsync<Counter.CounterLive>(_sample.Server, "/");

        await view.Element("#inc").ClickAsync();
        await view.Element("#inc").ClickAsync();
        await view.Element("#dec").ClickAsync();

        Assert.Equal("1", view.Element("#count").Text);
        Assert.Equal("Counter", view.PageTitle);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sample.DisposeAsync();
}
