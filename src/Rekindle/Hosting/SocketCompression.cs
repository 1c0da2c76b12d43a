using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Rekindle.Hosting;

/// <summary>
/// The <c>permessage-deflate</c> negotiation of the live socket (<c>Rekindle:Transport:Compression</c>):
/// accepted only as "no context takeover" both ways, so neither side keeps a compression window
/// between messages and an idle socket holds no zlib state (docs/protocol.md §1.1).
/// </summary>
internal static class SocketCompression
{
    private const string Extension = "permessage-deflate";
    private const string ClientNoContextTakeover = "client_no_context_takeover";

    /// <summary>
    /// The accept context for this upgrade; with compression on, the client's offers are rewritten first
    /// (see <see cref="AskClientNoContextTakeover"/>). Without the server's ping timer, a timer per idle
    /// socket: the client's heartbeat every 30 s keeps the connection alive and the idle timeout
    /// (<c>Rekindle:Transport:IdleTimeout</c>) finds a peer that is gone (docs/protocol.md §1.4).
    /// </summary>
    public static WebSocketAcceptContext AcceptContext(HttpRequest request, bool enabled)
    {
        if (!enabled)
        {
            return new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.Zero };
        }
        var offers = request.Headers.SecWebSocketExtensions;
        if (!StringValues.IsNullOrEmpty(offers))
        {
            request.Headers.SecWebSocketExtensions = AskClientNoContextTakeover(request.Headers.GetCommaSeparatedValues("Sec-WebSocket-Extensions"));
        }
        return new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.Zero,
            DangerousEnableCompression = true,
            DisableServerContextTakeover = true,
            ServerMaxWindowBits = 15,
        };
    }

    /// <summary>
    /// Adds <c>client_no_context_takeover</c> to every <c>permessage-deflate</c> offer that lacks it, so
    /// ASP.NET Core's negotiation puts it in the response: RFC 7692 §7.1.1.2 lets a server require it
    /// even when the client did not offer it, and browsers comply. Without it the server's inflater
    /// would keep a 32 KiB window per socket for the socket's whole life. The offers are otherwise
    /// passed on unchanged; ASP.NET Core declines any it cannot parse (no compression, same socket).
    /// </summary>
    internal static string[] AskClientNoContextTakeover(string[] offers)
    {
        var rewritten = new string[offers.Length];
        for (var i = 0; i < offers.Length; i++)
        {
            var offer = offers[i].Trim();
            rewritten[i] = IsDeflateOffer(offer) && !HasParameter(offer, ClientNoContextTakeover)
                ? offer + "; " + ClientNoContextTakeover
                : offer;
        }
        return rewritten;
    }

    private static bool IsDeflateOffer(string offer)
    {
        var name = offer.AsSpan();
        var end = name.IndexOf(';');
        return (end < 0 ? name : name[..end]).Trim().Equals(Extension, StringComparison.Ordinal);
    }

    private static bool HasParameter(string offer, string parameter)
    {
        foreach (var part in offer.Split(';'))
        {
            if (part.AsSpan().Trim().Equals(parameter, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
