using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// <c>Rekindle:Transport:Compression</c>: permessage-deflate as Chromium offers it, answered with no
/// context takeover both ways; compressed frames in both directions; off by default; a bad offer
/// only means no compression.
/// </summary>
public sealed class CompressionTests(CompressionHostFixture fixture) : IClassFixture<CompressionHostFixture>
{
    private const string ChromiumOffer = "permessage-deflate; client_max_window_bits";

    private Uri BaseAddress => fixture.Host.BaseAddress;

    [Fact]
    public async Task Upgrade_ChromiumOffer_AnswersNoContextTakeoverBothWays()
    {
        var page = await PhoenixClient.GetPageAsync(BaseAddress, "/counter");
        await using var socket = await RawWebSocket.ConnectAsync(BaseAddress, page, ChromiumOffer);

        Assert.StartsWith("HTTP/1.1 101", socket.ResponseHead, StringComparison.Ordinal);
        var answer = socket.ResponseHeader("Sec-WebSocket-Extensions");
        Assert.NotNull(answer);
        var parameters = answer.Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal("permessage-deflate", parameters[0]);
        Assert.Contains("client_no_context_takeover", parameters);
        Assert.Contains("server_no_context_takeover", parameters);
        Assert.Contains("client_max_window_bits=15", parameters);
    }

    [Fact]
    public async Task Join_Compressed_ReplyCompressedAndSmallerThanItsText()
    {
        var page = await PhoenixClient.GetPageAsync(BaseAddress, "/counter");
        await using var socket = await RawWebSocket.ConnectAsync(BaseAddress, page, ChromiumOffer);

        await socket.SendTextAsync(JoinFrame(page), compressed: true);
        var (compressed, wireBytes, text) = await socket.ReceiveTextAsync();

        Assert.True(compressed);
        var reply = JsonNode.Parse(text)!.AsArray();
        Assert.Equal("phx_reply", reply[3]!.GetValue<string>());
        Assert.Equal("ok", reply[4]!["status"]!.GetValue<string>());
        Assert.NotNull(reply[4]!["response"]!["rendered"]);
        Assert.True(wireBytes < text.Length, $"join reply: {wireBytes} B on the wire for {text.Length} B of text");
    }

    [Fact]
    public async Task Click_CompressedBothWays_CountGoesUp()
    {
        var page = await PhoenixClient.GetPageAsync(BaseAddress, "/counter");
        await using var socket = await RawWebSocket.ConnectAsync(BaseAddress, page, ChromiumOffer);
        await socket.SendTextAsync(JoinFrame(page), compressed: false);
        await socket.ReceiveTextAsync();

        await socket.SendTextAsync(new JsonArray("1", "2", "lv:" + page.ViewId, "event", new JsonObject
        {
            ["type"] = "click",
            ["event"] = "inc",
            ["value"] = new JsonObject { ["value"] = "" },
        }).ToJsonString(), compressed: true);
        var (compressed, _, text) = await socket.ReceiveTextAsync();

        Assert.True(compressed);
        var reply = JsonNode.Parse(text)!.AsArray();
        Assert.Equal("2", reply[1]!.GetValue<string>());
        Assert.Equal("ok", reply[4]!["status"]!.GetValue<string>());
        Assert.Contains("\"1\"", reply[4]!["response"]!["diff"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_MalformedDeflateOffer_NoCompressionAndTheSocketWorks()
    {
        var page = await PhoenixClient.GetPageAsync(BaseAddress, "/counter");
        await using var socket = await RawWebSocket.ConnectAsync(BaseAddress, page, "permessage-deflate; client_max_window_bits=99; client_max_window_bits");

        Assert.StartsWith("HTTP/1.1 101", socket.ResponseHead, StringComparison.Ordinal);
        Assert.Null(socket.ResponseHeader("Sec-WebSocket-Extensions"));
        await socket.SendTextAsync(JoinFrame(page), compressed: false);
        var (compressed, _, text) = await socket.ReceiveTextAsync();
        Assert.False(compressed);
        Assert.Equal("ok", JsonNode.Parse(text)![4]!["status"]!.GetValue<string>());
    }

    internal static string JoinFrame(PhoenixClient.PageTokens page) => new JsonArray("1", "1", "lv:" + page.ViewId, "phx_join", new JsonObject
    {
        ["url"] = page.Url.ToString(),
        ["params"] = new JsonObject { ["_csrf_token"] = page.CsrfToken, ["_mounts"] = 0, ["_mount_attempts"] = 0 },
        ["session"] = page.Session,
        ["static"] = page.Static,
        ["sticky"] = false,
    }).ToJsonString();
}
