namespace Rekindle.Browser.Tests;

/// <summary>Debian's headless Chromium, the only browser the tests use (never a downloaded one).</summary>
public static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Launches Debian's headless Chromium.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        EnsureInstalled();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
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

    public static void EnsureInstalled()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"Expected Debian's Chromium at {Path} (apt-get install chromium).");
        }
    }
}
