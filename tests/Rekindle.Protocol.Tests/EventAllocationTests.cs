using System.Text;
using System.Text.Json.Nodes;
using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 23: what one counter click costs the server in allocated bytes, through real Kestrel and a
/// real WebSocket: frame parse, handler, render, diff, snapshot capture and its SQLite commit, reply.
/// Not a timing: bytes allocated per click are the same on a busy machine and a quiet one. The client
/// sends prepared frames and reads into one buffer, so nearly all counted bytes are the server's.
/// </summary>
[Collection(nameof(AllocationCountCollection))]
public sealed class EventAllocationTests
{
    private const int Clicks = 400;

    [Fact]
    public async Task Issue23_CounterClickWithSqliteSnapshots_AllocatesUnderTheBound()
    {
        var perClick = await AllocatedPerClickAsync();

        // In the Debug build the tests run: 11,059 B per click before issue 23's snapshot work (a JSON
        // tree, three strings and a record per snapshot, a fresh SQLite statement and a hop to the writer
        // per commit, a timeout timer per event) and 5,780–5,800 B after it.
        Assert.True(perClick < 7_500, $"a counter click allocated {perClick} bytes; expected under 7500");
    }

    [Fact]
    public async Task Issue23_CounterClickWithRecoveryOff_AllocatesUnderTheBound()
    {
        var perClick = await AllocatedPerClickAsync("--Rekindle:Recovery:Enabled", "false");

        // A guard against growth of the engine's own path: 4,060 B before issue 23, 3,660–3,880 B after it.
        Assert.True(perClick < 4_600, $"a counter click allocated {perClick} bytes; expected under 4600");
    }

    private static async Task<long> AllocatedPerClickAsync(params string[] args)
    {
        // The clicks come faster than a person's: the push budget must not refuse any of them.
        await using var host = await TestHost.StartAsync([.. args, "--Rekindle:Transport:MaxPushesPerSecond", "100000", "--Rekindle:Transport:PushBurst", "100000"]);
        await using var client = await PhoenixClient.ConnectAsync(host.BaseAddress, "/counter");
        var (joinRef, _) = await client.JoinAsync();
        var frames = Enumerable.Range(1000, 2 * Clicks)
            .Select(messageRef => Encoding.UTF8.GetBytes($$$"""["{{{joinRef}}}","{{{messageRef}}}","{{{client.Topic}}}","event",{"type":"click","event":"inc","value":{"value":""}}]"""))
            .ToArray();
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The first half warms up (JIT, pools, the SQLite connection); the second is counted.
        for (var i = 0; i < Clicks; i++)
        {
            await ClickAsync(client, frames[i], buffer, timeout.Token);
        }
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = Clicks; i < 2 * Clicks; i++)
        {
            await ClickAsync(client, frames[i], buffer, timeout.Token);
        }
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var last = Encoding.UTF8.GetString(buffer, 0, await ClickAsync(client, frames[0], buffer, timeout.Token));
        Assert.Equal($"{{\"0\":\"{(2 * Clicks) + 1}\"}}", PhoenixClient.RenderDiff(JsonNode.Parse(last)![4]!));
        return allocated / Clicks;
    }

    private static async Task<int> ClickAsync(PhoenixClient client, byte[] frame, byte[] buffer, CancellationToken cancellationToken)
    {
        await client.SendPreparedAsync(frame, cancellationToken);
        return await client.ReceivePreparedAsync(buffer, cancellationToken);
    }
}
