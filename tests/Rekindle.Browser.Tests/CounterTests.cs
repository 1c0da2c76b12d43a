using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

public sealed class CounterTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Clicks_OnConnectedCounter_UpdateCountWithoutReload()
    {
        var sockets = new ConcurrentQueue<string>();
        var frames = new ConcurrentQueue<(bool Sent, string Text)>();
        Page.WebSocket += (_, socket) =>
        {
            sockets.Enqueue(socket.Url);
            socket.FrameSent += (_, frame) => frames.Enqueue((true, frame.Text ?? ""));
            socket.FrameReceived += (_, frame) => frames.Enqueue((false, frame.Text ?? ""));
        };

        await GotoLiveAsync("/counter");
        await Page.EvaluateAsync("() => { window.__marker = 1; }");
        var count = Page.Locator("#count");
        await Assertions.Expect(count).ToHaveTextAsync("0");

        for (var i = 1; i <= 3; i++)
        {
            await Page.ClickAsync("#inc");
            // Waiting for each reply keeps the clicks from racing the client's own event ordering.
            await Assertions.Expect(count).ToHaveTextAsync(i.ToString());
        }
        await Page.ClickAsync("#dec");
        await Assertions.Expect(count).ToHaveTextAsync("2");

        Assert.Equal(1, await Page.EvaluateAsync<int>("() => window.__marker"));
        var url = Assert.Single(sockets);
        Assert.Contains("/live/websocket", url);
        Assert.Contains("vsn=2.0.0", url);

        ReportFrameSizes([.. frames]);
    }

    /// <summary>Writes the size of the join reply and of the first click's reply, matched by ref.</summary>
    private void ReportFrameSizes(IReadOnlyList<(bool Sent, string Text)> frames)
    {
        var parsed = frames.Select(frame => (frame.Sent, frame.Text, Json: JsonDocument.Parse(frame.Text).RootElement)).ToList();
        foreach (var (sent, text, _) in parsed)
        {
            Output.WriteLine($"{(sent ? ">>" : "<<")} {Encoding.UTF8.GetByteCount(text),5} B {text}");
        }
        string RefOf(JsonElement message) => message[1].ValueKind == JsonValueKind.String ? message[1].GetString()! : "";
        var join = parsed.First(frame => frame.Sent && frame.Json[3].GetString() == "phx_join" && frame.Json[2].GetString()!.StartsWith("lv:"));
        var click = parsed.First(frame => frame.Sent && frame.Json[3].GetString() == "event" && frame.Json[4].GetProperty("type").GetString() == "click");
        var joinReply = parsed.First(frame => !frame.Sent && frame.Json[3].GetString() == "phx_reply" && RefOf(frame.Json) == RefOf(join.Json));
        var clickReply = parsed.First(frame => !frame.Sent && frame.Json[3].GetString() == "phx_reply" && RefOf(frame.Json) == RefOf(click.Json));
        Assert.Equal("ok", joinReply.Json[4].GetProperty("status").GetString());
        Assert.Equal("ok", clickReply.Json[4].GetProperty("status").GetString());

        static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
        Output.WriteLine($"join reply: frame {Bytes(joinReply.Text)} B, payload {Bytes(joinReply.Json[4].GetRawText())} B");
        Output.WriteLine($"first click reply: frame {Bytes(clickReply.Text)} B, payload {Bytes(clickReply.Json[4].GetRawText())} B");
        Output.WriteLine($"first click push: frame {Bytes(click.Text)} B");
    }
}
