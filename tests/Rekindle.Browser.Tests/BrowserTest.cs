using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>What a browser test needs from its class fixture: a browser, the server's address and its log.</summary>
public interface IBrowserHostFixture
{
    IBrowser Browser { get; }

    Uri Url(string path);

    /// <summary>Every log line of the server so far, oldest first; only ever grows.</summary>
    IReadOnlyList<TestLogSink.LogLine> ServerLogs { get; }
}

/// <summary>Browser tests against the in-process <see cref="TestHost"/> of <see cref="BrowserFixture"/>.</summary>
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest<BrowserFixture>(fixture, output)
{
    protected TestHost Host => Fixture.Host;
}

/// <summary>
/// Base of the browser tests: a fresh context and page per test, and a guard that fails the test
/// when the page logged a console error or threw an uncaught exception that the test did not
/// declare with <see cref="ExpectConsoleError"/>, or when the server logged an error it did not
/// declare with <see cref="ExpectServerError"/>.
/// </summary>
public abstract class BrowserTest<TFixture>(TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IBrowserHostFixture
{
    /// <summary>Playwright's auto-waiting assertions give up after this long.</summary>
    protected static readonly float Timeout = 10_000;

    /// <summary>
    /// Errors no test causes on purpose that are the browser's, not Rekindle's: Chromium asks every
    /// origin for /favicon.ico and the sample app has none.
    /// </summary>
    private static readonly Regex[] s_ignoredConsoleErrors =
    [
        new(@"^page \d+ console\.error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(at http://127\.0\.0\.1:\d+/favicon\.ico:0:0\)$"),
    ];

    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly List<Regex> _expectedConsoleErrors = [];
    private readonly List<Regex> _expectedServerErrors = [];
    private int _serverLogStart;
    private IBrowserContext? _context;

    protected ITestOutputHelper Output { get; } = output;

    protected TFixture Fixture { get; } = fixture;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("The test is not initialized.");

    protected IPage Page { get; private set; } = null!;

    /// <summary>The view's container, which the client marks phx-connected once joined.</summary>
    protected ILocator Main => Page.Locator("[data-phx-main]");

    /// <summary>The server's log lines written since this test started.</summary>
    protected IEnumerable<TestLogSink.LogLine> ServerLogsOfThisTest => Fixture.ServerLogs.Skip(_serverLogStart);

    public virtual async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        _serverLogStart = Fixture.ServerLogs.Count;
        _context = await Fixture.Browser.NewContextAsync();
        _context.SetDefaultTimeout(Timeout);
        Page = await NewPageAsync();
    }

    /// <summary>Opens another page in this test's context, watched by the same console guard.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await Context.NewPageAsync();
        var name = $"page {Context.Pages.Count}";
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue($"{name} console.error: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue($"{name} uncaught: {error}");
        return page;
    }

    /// <summary>Declares a console error or uncaught exception this test causes on purpose.</summary>
    protected void ExpectConsoleError(string pattern) => _expectedConsoleErrors.Add(new Regex(pattern));

    /// <summary>Declares a server log line of level Error or above that this test causes on purpose.</summary>
    protected void ExpectServerError(string pattern) => _expectedServerErrors.Add(new Regex(pattern));

    /// <summary>Opens a live view and waits until the client has joined it over the socket.</summary>
    protected async Task GotoLiveAsync(string path, IPage? page = null)
    {
        page ??= Page;
        var response = await page.GotoAsync(Fixture.Url(path).ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Assertions.Expect(page.Locator("[data-phx-main]")).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
    }

    /// <summary>
    /// Drops the page's socket (<c>liveSocket.disconnect()</c>), runs <paramref name="whileDisconnected"/>,
    /// and opens a new socket (<c>connect()</c>); the server stays up. Returns as soon as the client
    /// reconnects: the caller waits for whatever the rejoin should show.
    /// </summary>
    protected async Task DropSocketAsync(Func<Task>? whileDisconnected = null)
    {
        await Page.EvaluateAsync("() => liveSocket.disconnect()");
        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-client-error\b"));
        Assert.False(await Page.EvaluateAsync<bool>("() => liveSocket.isConnected()"));
        if (whileDisconnected is not null)
        {
            await whileDisconnected();
        }
        await Page.EvaluateAsync("() => liveSocket.connect()");
    }

    /// <summary>Marks the page, to prove afterwards that it was never reloaded.</summary>
    protected Task MarkPageAsync() => Page.EvaluateAsync("() => { window.__marker = 1; }");

    protected async Task AssertNotReloadedAsync() =>
        Assert.Equal(1, await Page.EvaluateAsync<int?>("() => window.__marker"));

    public virtual async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        var serverLines = ServerLogsOfThisTest.ToList();
        var unexpectedConsole = _consoleErrors
            .Where(error => !s_ignoredConsoleErrors.Concat(_expectedConsoleErrors).Any(expected => expected.IsMatch(error)))
            .ToList();
        var unexpectedServer = serverLines
            .Where(line => line.Level >= LogLevel.Error)
            .Select(line => $"{line.Category}: {line.Message} {line.Exception?.GetType().Name}: {line.Exception?.Message}")
            .Where(line => !_expectedServerErrors.Any(expected => expected.IsMatch(line)))
            .ToList();
        foreach (var repeated in _consoleErrors.GroupBy(error => error))
        {
            Output.WriteLine(repeated.Count() == 1 ? $"browser: {repeated.Key}" : $"browser ({repeated.Count()} times): {repeated.Key}");
        }
        foreach (var line in serverLines.Where(line => line.Level >= LogLevel.Warning))
        {
            Output.WriteLine($"server {line.Level}: {line.Category}: {line.Message}{(line.Exception is null ? "" : "\n  " + line.Exception)}");
        }
        Assert.True(unexpectedConsole.Count == 0, "Unexpected browser errors:\n" + string.Join("\n", unexpectedConsole));
        Assert.True(unexpectedServer.Count == 0, "Unexpected server errors:\n" + string.Join("\n", unexpectedServer));
    }
}
