using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rekindle.PubSub;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 18, item 5: a client that stops reading while a broadcast keeps pushing to its view. Its
/// socket's outbox stops at Rekindle:Transport:MaxOutboxBytes and that socket alone is closed with
/// a code that reconnects (never 1000); a reader on the same topic gets every message on its one
/// socket, and the slow client rejoins to a count covering every message.
/// </summary>
public sealed class OutboxCapTests(OutboxCapHostFixture fixture) : IClassFixture<OutboxCapHostFixture>
{
    /// <summary>Each message renders a frame this large, so the kernel's socket buffers fill after a few hundred.</summary>
    private const int MessageChars = 16 * 1024;

    [Fact]
    public async Task ClientStopsReading_OnlyItsSocketClosesWithReconnectCode_BystanderGetsEverything_RejoinRestoresCount()
    {
        var host = fixture.Host;
        await using var bystander = await PhoenixClient.ConnectAsync(host.BaseAddress, "/test/slow-tab");
        await bystander.JoinAsync();
        await using var slow = await PhoenixClient.ConnectAsync(host.BaseAddress, "/test/slow-tab");
        await slow.JoinAsync();
        var bystanderCount = ReadCountsAsync(bystander);

        var pubSub = host.Services.GetRequiredService<IPubSub>();
        var sent = 0;
        while (!host.Logs.Lines.Any(line => line.EventId.Id == 1040))
        {
            Assert.True(sent < 4000, "the outbox of the client that stopped reading never reached its cap");
            sent++;
            // The pace of the honest reader, however busy the machine: it is never more than a few frames
            // behind (well inside its kernel buffers), so only the reader that stopped may fill its outbox.
            await WaitUntilAsync(() => bystanderCount.Latest >= sent - 4);
            await pubSub.BroadcastAsync(SlowTabLive.Topic, sent + new string('x', MessageChars));
        }

        var closed = await slow.WaitForCloseAsync();
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closed);
        Assert.Single(host.Logs.Lines, line => line.EventId.Id == 1040 && line.Level == LogLevel.Warning);

        await WaitUntilAsync(() => bystanderCount.Latest == sent);
        Assert.Equal(WebSocketState.Open, bystander.State);
        Assert.Equal(sent, bystanderCount.Frames);

        await using var back = await PhoenixClient.ReconnectAsync(slow);
        var (_, rejoined) = await back.JoinAsync(new JsonObject { ["_mounts"] = 1 });
        Assert.Equal(sent.ToString(System.Globalization.CultureInfo.InvariantCulture), rejoined["response"]!["rendered"]!["0"]!.GetValue<string>());
    }

    /// <summary>Reads the reader's diffs as they come: the count each carries and how many there were.</summary>
    private static CountReader ReadCountsAsync(PhoenixClient client)
    {
        var reader = new CountReader();
        _ = Task.Run(async () =>
        {
            while (await client.ReceiveFrameAsync(TimeSpan.FromMinutes(2)) is { } frame)
            {
                if (frame[3]!.GetValue<string>() == "diff" && frame[4]?["0"] is { } count)
                {
                    reader.Frames++;
                    reader.Latest = int.Parse(count.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        });
        return reader;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the bystander's frames");
            await Task.Delay(50);
        }
    }

    private sealed class CountReader
    {
        public volatile int Frames;
        public volatile int Latest;
    }
}

/// <summary>A host whose sockets may queue only 64 KiB, so a reader that stops is found quickly.</summary>
public sealed class OutboxCapHostFixture() : HostFixture(["--Rekindle:Transport:MaxOutboxBytes", "65536"]);
