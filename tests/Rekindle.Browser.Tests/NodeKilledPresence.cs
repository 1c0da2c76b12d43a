using System.Diagnostics;
using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The presence scenario both cluster kinds run (one Redis, a Redis Cluster): election pages on two
/// nodes count each other's viewers; a node killed with -9 takes its viewer with it within the bound
/// the README documents (Presence: PresenceNodeTimeout + PresenceHeartbeat, 13 s by default, within 15 s).
/// </summary>
internal static class NodeKilledPresence
{
    public static readonly TimeSpan DocumentedBound = TimeSpan.FromSeconds(15);

    public static async Task<Election> NewElectionAsync(NodesFixture fixture)
    {
        var store = new VoteStore(System.IO.Path.Combine(fixture.Nodes[0].DataPath, "ballots.db"));
        return (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection($"Presence {Guid.NewGuid():N}",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi"]),
        ]))))!;
    }

    /// <summary>
    /// Opens the election on node 0 in <paramref name="page"/> (then <paramref name="mark"/>s it) and on
    /// node 1 in another browser context, kills node 1 and returns how long its viewer took to leave
    /// <paramref name="page"/>; node 1 is started again.
    /// </summary>
    public static async Task<TimeSpan> ViewerLeavesAfterItsNodeIsKilledAsync(NodesFixture fixture, IPage page, Func<Task> mark)
    {
        var path = Path(await NewElectionAsync(fixture));
        var (near, far) = (fixture.Nodes[0], fixture.Nodes[1]);
        await GotoElectionAsync(page, near.Url(path));
        await mark();
        await using var otherVoter = await fixture.Browser.NewContextAsync();
        var other = await otherVoter.NewPageAsync();
        await GotoElectionAsync(other, far.Url(path));
        await Assertions.Expect(ViewerCount(page)).ToHaveTextAsync("2");
        await Assertions.Expect(ViewerCount(other)).ToHaveTextAsync("2");

        var timer = Stopwatch.StartNew();
        await far.KillAsync();
        await Assertions.Expect(ViewerCount(page)).ToHaveTextAsync("1", new() { Timeout = (float)(DocumentedBound + TimeSpan.FromSeconds(2)).TotalMilliseconds });
        timer.Stop();
        await far.StartAsync();
        return timer.Elapsed;
    }

    public static ILocator ViewerCount(IPage page) => page.Locator("#viewer-count");
}
