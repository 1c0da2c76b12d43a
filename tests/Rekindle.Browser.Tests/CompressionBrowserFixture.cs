using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>A browser and an in-process host that negotiates WebSocket compression (Rekindle:Transport:Compression).</summary>
public sealed class CompressionBrowserFixture : IBrowserHostFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestHost? _host;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IReadOnlyList<TestLogSink.LogLine> ServerLogs => [.. Host.Logs.Lines];

    public Uri Url(string path) => Host.Url(path);

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync("--Rekindle:Transport:Compression", "true");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
