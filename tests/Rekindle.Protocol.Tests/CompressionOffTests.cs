namespace Rekindle.Protocol.Tests;

/// <summary>Compression is off unless <c>Rekindle:Transport:Compression</c> turns it on: a browser's offer is declined.</summary>
public sealed class CompressionOffTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Upgrade_DefaultOptions_DeclinesDeflateAndRepliesUncompressed()
    {
        var page = await PhoenixClient.GetPageAsync(fixture.Host.BaseAddress, "/counter");
        await using var socket = await RawWebSocket.ConnectAsync(fixture.Host.BaseAddress, page, "permessage-deflate; client_max_window_bits");

        Assert.StartsWith("HTTP/1.1 101", socket.ResponseHead, StringComparison.Ordinal);
        Assert.Null(socket.ResponseHeader("Sec-WebSocket-Extensions"));
        await socket.SendTextAsync(CompressionTests.JoinFrame(page), compressed: false);
        var (compressed, _, text) = await socket.ReceiveTextAsync();
        Assert.False(compressed);
        Assert.Contains("\"rendered\"", text, StringComparison.Ordinal);
    }
}
