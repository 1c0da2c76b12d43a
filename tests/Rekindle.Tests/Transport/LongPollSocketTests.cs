using System.Net.WebSockets;
using System.Text;
using Rekindle.Transport;

namespace Rekindle.Tests.Transport;

/// <summary>The frames of a long-poll POST as the socket's reader receives them: JSON arrays as text, base64 lines as binary.</summary>
public sealed class LongPollSocketTests
{
    [Fact]
    public async Task Receive_JsonArray_IsATextMessage()
    {
        using var socket = new LongPollSocket();

        Assert.True(socket.Receive("""[null,"1","phoenix","heartbeat",{}]"""));
        var (type, bytes) = await ReadAsync(socket);

        Assert.Equal(WebSocketMessageType.Text, type);
        Assert.Equal("""[null,"1","phoenix","heartbeat",{}]""", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Receive_Base64Line_IsABinaryMessageOfTheDecodedBytes()
    {
        using var socket = new LongPollSocket();
        byte[] chunk = [0, 2, 2, 5, 5, 0xFF, 0x10, 0x80];

        Assert.True(socket.Receive(Convert.ToBase64String(chunk)));
        var (type, bytes) = await ReadAsync(socket);

        Assert.Equal(WebSocketMessageType.Binary, type);
        Assert.Equal(chunk, bytes);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abc")]
    [InlineData("{\"json\":\"object\"}")]
    public void Receive_NeitherJsonArrayNorBase64_IsRefused(string line)
    {
        using var socket = new LongPollSocket();

        Assert.False(socket.Receive(line));
    }

    private static async Task<(WebSocketMessageType Type, byte[] Bytes)> ReadAsync(LongPollSocket socket)
    {
        var buffer = new byte[64];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.True(result.EndOfMessage);
        return (result.MessageType, buffer[..result.Count]);
    }
}
