using System.Net.WebSockets;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// The closing handshake the client starts (RFC 6455 §5.5.1, docs/protocol.md §1.7): the server's
/// close frame echoes the client's code. Answering 1000 instead would hand LiveView's close handler
/// the code that makes it reload the page.
/// </summary>
public sealed class CloseHandshakeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData(4001)]
    [InlineData(1001)]
    [InlineData(3000)]
    public async Task ClientClose_WithItsOwnCode_ServerEchoesTheCode(int code)
    {
        await using var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/counter");
        await client.JoinAsync();

        var answered = await client.CloseAsync((WebSocketCloseStatus)code, "leaving");

        Assert.Equal((WebSocketCloseStatus)code, answered);
    }
}
