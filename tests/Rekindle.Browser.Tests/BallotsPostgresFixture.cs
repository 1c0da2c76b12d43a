using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A PostgreSQL server with a database of its own, the Ballots sample (plus the test views) started on
/// it with <c>--Database:Provider=Postgres</c>, and Chromium; one per test class.
/// </summary>
public sealed class BallotsPostgresFixture : IBrowserHostFixture, IAsyncLifetime
{
    private PostgresServer? _postgres;
    private TestHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IReadOnlyList<TestLogSink.LogLine> ServerLogs => [.. Host.Logs.Lines];

    public Uri Url(string path) => Host.Url(path);

    public async Task InitializeAsync()
    {
        BrowserFixture.EnsureChromium();
        _postgres = await PostgresServer.StartAsync();
        var database = await _postgres.CreateDatabaseAsync();
        _host = await TestHost.StartAsync("--Database:Provider", "Postgres", "--Database:ConnectionString", database);
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
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
