using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Chromium and an in-process <see cref="TestHost"/> started with command-line <paramref name="hostArguments"/>,
/// after whatever the host needs (<see cref="StartDependenciesAsync"/>); one per test class.
/// </summary>
public abstract class HostArgumentsBrowserFixture(params string[] hostArguments) : IBrowserHostFixture, IAsyncLifetime
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
        DebianChromium.EnsureInstalled();
        _host = await TestHost.StartAsync([.. hostArguments, .. await StartDependenciesAsync()]);
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
    }

    /// <summary>Starts what the host needs (a database server, say) and returns the host arguments that point at it.</summary>
    protected virtual Task<string[]> StartDependenciesAsync() => Task.FromResult<string[]>([]);

    /// <summary>Stops what <see cref="StartDependenciesAsync"/> started, after the host.</summary>
    protected virtual ValueTask DisposeDependenciesAsync() => ValueTask.CompletedTask;

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
        await DisposeDependenciesAsync();
    }
}
