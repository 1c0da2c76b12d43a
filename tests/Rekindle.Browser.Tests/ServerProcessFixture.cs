using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// One Debian Chromium and one <see cref="ServerProcess"/> (the test app as a child process) per
/// test class, for tests that kill and restart the server while the page stays open. The child is
/// killed in <see cref="DisposeAsync"/> whatever the tests did.
/// </summary>
public class ServerProcessFixture : IBrowserHostFixture, IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ServerProcess? _server;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IReadOnlyList<TestLogSink.LogLine> ServerLogs => Server.Logs;

    /// <summary>Arguments added to the child's command line at every start.</summary>
    protected virtual string[] ExtraArgs => [];

    public Uri Url(string path) => Server.Url(path);

    /// <summary>Starts the server the tests run against: the test app, with <see cref="ExtraArgs"/>.</summary>
    protected virtual Task<ServerProcess> StartServerAsync() => ServerProcess.StartAsync(ExtraArgs);

    public async Task InitializeAsync()
    {
        DebianChromium.EnsureInstalled();
        // The child takes a couple of seconds to start: launch the browser meanwhile.
        var server = StartServerAsync(); // kills its child itself if it cannot start
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await DebianChromium.LaunchAsync(_playwright);
        }
        catch
        {
            try
            {
                _server = await server;
            }
            finally
            {
                await DisposeAsync(); // never leave the child running
            }
            throw;
        }
        _server = await server;
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
                _server = null;
            }
        }
    }
}

/// <summary>The same, with snapshots kept in the browser (<c>--Rekindle:Recovery:Store Browser</c>).</summary>
public sealed class BrowserStoreServerProcessFixture : ServerProcessFixture
{
    protected override string[] ExtraArgs => ["--Rekindle:Recovery:Store", "Browser"];
}
