using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>How a test forces the page's view to reconnect.</summary>
public enum Fault
{
    /// <summary>The page drops its socket (<c>liveSocket.disconnect()</c>) and opens a new one (<c>connect()</c>); the server stays up.</summary>
    SocketDrop,

    /// <summary>The server process is killed with SIGKILL and started again on the same port and data folder; the stock client reconnects by itself.</summary>
    ServerKill,

    /// <summary>
    /// The server process gets SIGTERM, drains (closes every socket with 1012, which the client
    /// answers by reconnecting, never by reloading) and exits; then it is started again.
    /// </summary>
    ServerStop,
}

/// <summary>
/// Browser tests against the test app running as a child process (<see cref="ServerProcessFixture"/>),
/// with <see cref="ForceReconnectAsync"/> to drop the socket or kill and restart the server while
/// the page stays open.
/// </summary>
public abstract class ServerProcessTest<TFixture>(TFixture fixture, ITestOutputHelper output) : BrowserTest<TFixture>(fixture, output)
    where TFixture : ServerProcessFixture
{
    protected static readonly Regex Connected = new(@"\bphx-connected\b");

    /// <summary>
    /// After a restart the client's socket retries after 10, 50, 100, 150, 200, 250, 500, 1000, 2000 ms,
    /// then every 5 s (docs/protocol.md §7.1); the app takes a couple of seconds to start.
    /// </summary>
    private static readonly float ReconnectTimeout = 30_000;

    protected ServerProcess Server => Fixture.Server;

    protected ILocator Locator(string selector) => Page.Locator(selector);

    public override async Task InitializeAsync()
    {
        // A failed test of the same class may have left the server dead between kill and start.
        if (!Server.IsRunning)
        {
            await Server.StartAsync();
        }
        await base.InitializeAsync();
    }

    /// <summary>
    /// Takes the page's view through a disconnect and a rejoin and waits until it is connected again.
    /// <paramref name="whileDisconnected"/> runs while the page is disconnected (typically to mark
    /// server-rendered text stale, so what shows afterwards can only come from the rejoin's render).
    /// </summary>
    protected async Task ForceReconnectAsync(Fault fault, Func<Task>? whileDisconnected = null)
    {
        var timer = Stopwatch.StartNew();
        switch (fault)
        {
            case Fault.SocketDrop:
                await DropSocketAsync(whileDisconnected);
                break;
            case Fault.ServerKill or Fault.ServerStop:
                // While the server is down, each of the client's reconnect attempts is refused, and
                // Chromium logs that as a console error.
                ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
                var runs = Server.Runs;
                if (fault == Fault.ServerKill)
                {
                    await Server.KillAsync();
                }
                else
                {
                    await StopGracefullyAsync();
                }
                await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-client-error\b"));
                Assert.False(await Page.EvaluateAsync<bool>("() => liveSocket.isConnected()"));
                if (whileDisconnected is not null)
                {
                    await whileDisconnected();
                }
                await Server.StartAsync();
                Assert.Equal(runs + 1, Server.Runs);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
        var down = timer.ElapsedMilliseconds;
        await Assertions.Expect(Main).ToHaveClassAsync(Connected, new() { Timeout = ReconnectTimeout });
        Output.WriteLine($"{fault}: server back after {down} ms, view rejoined after {timer.ElapsedMilliseconds} ms");
    }

    /// <summary>SIGTERM: the process must exit cleanly, after closing this page's socket with 1012.</summary>
    private async Task StopGracefullyAsync()
    {
        static bool IsDrain(TestLogSink.LogLine line) => line.Category == "Rekindle.Transport.ChannelSocket" && line.EventId.Id == 1007;
        var drainsBefore = Server.Logs.Count(IsDrain);
        var errorsBefore = Server.Logs.Count(line => line.Level >= LogLevel.Error);

        var exitCode = await Server.StopAsync();

        Assert.True(exitCode == 0, $"SIGTERM: the server exited with {exitCode}.\n{Server.Tail()}");
        Assert.True(Server.Logs.Count(IsDrain) > drainsBefore, $"SIGTERM: no socket was closed with 1012.\n{Server.Tail()}");
        Assert.Equal(errorsBefore, Server.Logs.Count(line => line.Level >= LogLevel.Error));
    }

    /// <summary>Overwrites an element's text in the page, so a later value can only come from a new render.</summary>
    protected Task MarkStaleAsync(params string[] selectors) =>
        Page.EvaluateAsync("selectors => selectors.forEach(s => { document.querySelector(s).textContent = 'stale'; })", selectors);
}
