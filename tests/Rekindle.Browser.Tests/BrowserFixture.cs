[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rekindle.Browser.Tests;

/// <summary>
/// One Debian Chromium and one <see cref="Rekindle.TestApp.TestHost"/> with default settings per test
/// class; each test opens its own context and page (<see cref="BrowserTest"/>).
/// </summary>
public sealed class BrowserFixture() : HostArgumentsBrowserFixture();
