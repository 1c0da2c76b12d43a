using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>One test host shared by the tests of a class.</summary>
public class HostFixture : IAsyncLifetime
{
    private readonly string[] _args;
    private TestHost? _host;

    public HostFixture()
        : this([])
    {
    }

    protected HostFixture(string[] args) => _args = args;

    public TestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(_args);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>A host keeping snapshots in the browser (Rekindle:Recovery:Store = Browser).</summary>
public sealed class BrowserSnapshotsHostFixture() : HostFixture(["--Rekindle:Recovery:Store", "Browser"]);

/// <summary>A host with low limits, so tests can reach them quickly.</summary>
public sealed class LowLimitsHostFixture() : HostFixture(
[
    "--Rekindle:Transport:MaxPushesPerSecond", "5",
    "--Rekindle:Transport:PushBurst", "5",
    "--Rekindle:Transport:MaxJoinsPerMinutePerAddress", "1000",
    "--Rekindle:Runtime:HandlerTimeout", "00:00:00.500",
    "--Rekindle:Runtime:MaxComponentsPerView", "2",
    "--Rekindle:Runtime:MaxRenderBytes", "100000",
]);

/// <summary>A host negotiating WebSocket compression (Rekindle:Transport:Compression = true).</summary>
public sealed class CompressionHostFixture() : HostFixture(["--Rekindle:Transport:Compression", "true"]);
