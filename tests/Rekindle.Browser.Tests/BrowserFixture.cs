using Rekindle.TestApp;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rekindle.Browser.Tests;

/// <summary>
/// One Debian Chromium and one <see cref="TestHost"/> per test class; each test opens its own
/// context and page (<see cref="BrowserTest"/>). Never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IBrowserHostFixture, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TestHost? _host;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    public IReadOnlyList<TestLogSink.LogLine> ServerLogs => [.. Host.Logs.Lines];

    public Uri Url(string path) => Host.Url(path);

    public async Task InitializeAsync()
    {
        EnsureChromium();
        _host = await TestHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Launches Debian's headless Chromium (never a downloaded browser).</summary>
    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        EnsureChromium();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    public static void EnsureChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Expected Debian's Chromium at {ChromiumPath} (apt-get install chromium).");
        }
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
