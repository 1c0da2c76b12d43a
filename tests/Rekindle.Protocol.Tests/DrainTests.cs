using System.Net.WebSockets;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

public sealed class DrainTests
{
    [Fact]
    public async Task Shutdown_ClosesSocketsWith1012_SoClientsReconnectInsteadOfReloading()
    {
        var host = await TestHost.StartAsync();
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        await client.JoinAsync();

        var stopping = host.DisposeAsync().AsTask();
        var status = await client.WaitForCloseAsync();
        await client.DisposeAsync();
        await stopping;

        Assert.Equal((WebSocketCloseStatus)1012, status);
        Assert.Equal("server restarting", client.CloseDescription);
    }
}
