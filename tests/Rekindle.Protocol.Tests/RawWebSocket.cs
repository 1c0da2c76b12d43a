using System.IO.Compression;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// A WebSocket spoken byte by byte over TCP, for what <c>ClientWebSocket</c> hides: the exact
/// <c>Sec-WebSocket-Extensions</c> offer and answer, and the RSV1 bit that marks a compressed message.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    private static readonly byte[] DeflateTail = [0x00, 0x00, 0xFF, 0xFF];
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp, string responseHead)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        ResponseHead = responseHead;
    }

    /// <summary>The upgrade response's status line and headers.</summary>
    public string ResponseHead { get; }

    public string? ResponseHeader(string name) => ResponseHead.Split("\r\n")
        .FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    /// <summary>Upgrades <c>/live/websocket</c> for the page's session with the given extension offer (none when null).</summary>
    public static async Task<RawWebSocket> ConnectAsync(Uri baseAddress, PhoenixClient.PageTokens page, string? extensionOffer)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = new StringBuilder()
            .Append($"GET /live/websocket?_csrf_token={Uri.EscapeDataString(page.CsrfToken)}&vsn=2.0.0 HTTP/1.1\r\n")
            .Append($"Host: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
            .Append($"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nCookie: {page.Cookie}\r\n")
            .Append(extensionOffer is null ? "" : $"Sec-WebSocket-Extensions: {extensionOffer}\r\n")
            .Append("\r\n");
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        var head = new List<byte>();
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new IOException("the server closed before the end of the upgrade response");
            }
            head.Add((byte)b);
        }
        return new RawWebSocket(tcp, Encoding.ASCII.GetString([.. head]));
    }

    /// <summary>Sends one masked text frame; compressed (RSV1, raw deflate without its sync-flush tail) when asked.</summary>
    public async Task SendTextAsync(string text, bool compressed)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        if (compressed)
        {
            using var buffer = new MemoryStream();
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(payload);
                deflate.Flush();
            }
            payload = buffer.ToArray();
            var tail = payload.AsSpan().LastIndexOf(DeflateTail);
            payload = payload[..tail];
        }
        var frame = new List<byte> { (byte)(0x81 | (compressed ? 0x40 : 0)) };
        if (payload.Length < 126)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.AddRange([0x80 | 126, (byte)(payload.Length >> 8), (byte)payload.Length]);
        }
        var mask = RandomNumberGenerator.GetBytes(4);
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        await _stream.WriteAsync(frame.ToArray());
    }

    /// <summary>Reads one unfragmented data frame: whether it was compressed, its size on the wire and its text.</summary>
    public async Task<(bool Compressed, int WireBytes, string Text)> ReceiveTextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var header = new byte[2];
        await _stream.ReadExactlyAsync(header, timeout.Token);
        var length = header[1] & 0x7F;
        var headerBytes = 2;
        if (length == 126)
        {
            var extended = new byte[2];
            await _stream.ReadExactlyAsync(extended, timeout.Token);
            length = (extended[0] << 8) | extended[1];
            headerBytes += 2;
        }
        else if (length == 127)
        {
            throw new InvalidDataException("a test frame larger than 64 KiB");
        }
        var payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        var compressed = (header[0] & 0x40) != 0;
        if (compressed)
        {
            using var inflate = new DeflateStream(new MemoryStream([.. payload, .. DeflateTail]), CompressionMode.Decompress);
            using var text = new MemoryStream();
            await inflate.CopyToAsync(text, timeout.Token);
            payload = text.ToArray();
        }
        return (compressed, headerBytes + length, Encoding.UTF8.GetString(payload));
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
