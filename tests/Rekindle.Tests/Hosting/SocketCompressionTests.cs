using Microsoft.AspNetCore.Http;
using Rekindle.Hosting;

namespace Rekindle.Tests.Hosting;

/// <summary>
/// The live socket's <c>permessage-deflate</c> offer rewrite: every deflate offer asks for
/// <c>client_no_context_takeover</c>, so ASP.NET Core's answer makes the browser compress each message alone.
/// </summary>
public sealed class SocketCompressionTests
{
    [Fact]
    public void AskClientNoContextTakeover_ChromiumOffer_AddsTheParameter()
    {
        var rewritten = SocketCompression.AskClientNoContextTakeover(["permessage-deflate; client_max_window_bits"]);

        Assert.Equal(["permessage-deflate; client_max_window_bits; client_no_context_takeover"], rewritten);
    }

    [Fact]
    public void AskClientNoContextTakeover_OfferAlreadyHasIt_LeavesItAlone()
    {
        var rewritten = SocketCompression.AskClientNoContextTakeover(["permessage-deflate;client_no_context_takeover ; server_max_window_bits=10"]);

        Assert.Equal(["permessage-deflate;client_no_context_takeover ; server_max_window_bits=10"], rewritten);
    }

    [Fact]
    public void AskClientNoContextTakeover_SeveralOffersAndOtherExtensions_RewritesOnlyDeflateOffers()
    {
        var rewritten = SocketCompression.AskClientNoContextTakeover(["x-webkit-deflate-frame", " permessage-deflate ", "permessage-deflate-x; a"]);

        Assert.Equal(["x-webkit-deflate-frame", "permessage-deflate; client_no_context_takeover", "permessage-deflate-x; a"], rewritten);
    }

    [Fact]
    public void AcceptContext_Disabled_LeavesOffersAndCompressionOff()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.SecWebSocketExtensions = "permessage-deflate; client_max_window_bits";

        var accept = SocketCompression.AcceptContext(context.Request, enabled: false);

        Assert.False(accept.DangerousEnableCompression);
        Assert.Equal("permessage-deflate; client_max_window_bits", context.Request.Headers.SecWebSocketExtensions.ToString());
    }

    [Fact]
    public void AcceptContext_Enabled_NoServerContextTakeoverAndRewrittenOffer()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.SecWebSocketExtensions = "permessage-deflate; client_max_window_bits, x-other";

        var accept = SocketCompression.AcceptContext(context.Request, enabled: true);

        Assert.True(accept.DangerousEnableCompression);
        Assert.True(accept.DisableServerContextTakeover);
        Assert.Equal(15, accept.ServerMaxWindowBits);
        Assert.Equal("permessage-deflate; client_max_window_bits; client_no_context_takeover,x-other", context.Request.Headers.SecWebSocketExtensions.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AcceptContext_CompressionOnOrOff_StartsNoServerPingTimer(bool compression)
    {
        var context = SocketCompression.AcceptContext(new DefaultHttpContext().Request, compression);

        // Issue 23: a ping timer per idle socket; the client's heartbeat and the idle timeout do its work.
        Assert.Equal(TimeSpan.Zero, context.KeepAliveInterval);
    }
}
