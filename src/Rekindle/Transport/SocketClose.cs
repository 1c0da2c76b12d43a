using System.Net.WebSockets;

namespace Rekindle.Transport;

/// <summary>The closing handshake of a socket whose peer may already be gone.</summary>
internal static class SocketClose
{
    /// <summary>
    /// Sends the close frame with <paramref name="status"/> and waits up to 5 s for the peer's; a peer that
    /// vanished meanwhile is reported to <paramref name="lost"/>, never thrown.
    /// </summary>
    public static async Task QuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason, TimeProvider time, Action<string> lost)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
                await socket.CloseAsync(status, reason, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            lost(exception.Message);
        }
    }
}
