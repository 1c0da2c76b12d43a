using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>One test host shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("host not started");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
