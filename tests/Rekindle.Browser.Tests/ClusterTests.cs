using System.Diagnostics;
using System.Text.RegularExpressions;
using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Issue 9 in Chromium: three nodes behind nginx (round robin, no sticky sessions) sharing Redis.
/// The node serving a page is killed or stopped; the stock client reconnects through nginx to
/// another node, which restores the view from the snapshot in Redis: no reload, state intact.
/// </summary>
public sealed class ClusterTests(ClusterFixture fixture, ITestOutputHelper output) : BrowserTest<ClusterFixture>(fixture, output)
{
    private static readonly float FailoverTimeout = 20_000;

    public override async Task InitializeAsync()
    {
        // A failed test may have left a node down.
        foreach (var node in Fixture.Nodes.Where(node => !node.IsRunning))
        {
            await node.StartAsync();
        }
        await base.InitializeAsync();
    }

    [Fact]
    public async Task NodeKilledFiveTimes_StateComesBackOnAnotherNodeEachTime_MedianFailoverReported()
    {
        // While a node is down, nginx and the client's retries may hit it: Chromium logs a failed socket.
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        await GotoLiveAsync("/test/node");
        await MarkPageAsync(Page);
        var failovers = new List<long>();
        for (var count = 1; count <= 5; count++)
        {
            await Page.Locator("#inc").ClickAsync();
            await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync($"{count}");
            // The page shows the process that renders it.
            var node = await NodeOfPageAsync();

            var timer = Stopwatch.StartNew();
            await node.KillAsync();
            await Page.EvaluateAsync("() => { document.getElementById('count').textContent = 'stale'; }");
            await Assertions.Expect(Page.Locator("#count")).ToHaveTextAsync($"{count}", new() { Timeout = FailoverTimeout });
            failovers.Add(timer.ElapsedMilliseconds);

            var next = await NodeOfPageAsync();
            Assert.NotSame(node, next);
            Output.WriteLine($"kill {count}: {node.BaseAddress.Port} → {next.BaseAddress.Port}, state back after {timer.ElapsedMilliseconds} ms");
            await node.StartAsync();
        }

        Assert.Equal(1, await Page.EvaluateAsync<int?>("() => window.__marker"));
        failovers.Sort();
        Output.WriteLine($"failover (kill -9 of the serving node → state back in the page): median {failovers[2]} ms, all [{string.Join(", ", failovers)}] ms");
    }

    [Fact]
    public async Task NodeOfAVoterKilled_SubmittedAndInProgressBallotsComeBack_OtherVoteShows()
    {
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        var store = new VoteStore(System.IO.Path.Combine(Fixture.Nodes[0].DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Cluster vote",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]))))!;
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        await GotoElectionAsync(Page, Fixture.Url(BallotsTestData.Path(election)));
        await MarkPageAsync(Page);
        await VoteAsync(Page, lunch, lunch.Choices[0]);
        await PickAsync(Page, color.Choices[1]);
        var topic = "lv:" + await Main.GetAttributeAsync("id");
        var node = Fixture.NodeServing(topic);

        await node.KillAsync();
        // Another voter votes while the first one is cut off (through nginx, so on a live node).
        await using (var otherVoter = await Fixture.Browser.NewContextAsync())
        {
            var other = await otherVoter.NewPageAsync();
            await GotoElectionAsync(other, Fixture.Url(BallotsTestData.Path(election)));
            await VoteAsync(other, lunch, lunch.Choices[1]);
        }

        await Assertions.Expect(Main).ToHaveClassAsync(Connected, new() { Timeout = FailoverTimeout });
        Assert.NotSame(node, Fixture.NodeServing(topic));
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Pizza");
        await Assertions.Expect(Radio(Page, color.Choices[1])).ToBeCheckedAsync();
        await Assertions.Expect(Count(Page, lunch.Choices[1])).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator($"#total-{lunch.Id}")).ToHaveTextAsync("2 votes");
        // Counted by the page alone: its own vote comes back from the snapshot, the other one arrives live or from
        // the Redis stream, depending on whether the page was already back (replay: Protocol.Tests ClusterTests).
        await Assertions.Expect(Page.Locator("#votes-since")).ToHaveTextAsync("2 votes cast since you opened this page");
        await SubmitButton(Page, color).ClickAsync();
        await Assertions.Expect(Submitted(Page, color)).ToHaveTextAsync("submitted: Green");
        Assert.Equal(1, await Page.EvaluateAsync<int?>("() => window.__marker"));
        var tally = await store.TallyAsync(election.Id);
        Assert.Equal([1, 1, 0], lunch.Choices.Select(choice => tally.Votes(choice.Id)));
        Assert.Equal(1, tally.Votes(color.Choices[1].Id));
        await node.StartAsync();
    }

    [Fact]
    public async Task RollingRestart_EveryNodeStoppedInTurn_PagesKeepTheirState()
    {
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        var pages = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            var page = i == 0 ? Page : await NewPageAsync();
            await GotoLiveAsync("/counter", page);
            await MarkPageAsync(page);
            for (var click = 1; click <= i + 1; click++)
            {
                await page.Locator("#inc").ClickAsync();
                await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync($"{click}");
            }
            pages.Add(page);
        }

        var timer = Stopwatch.StartNew();
        foreach (var node in Fixture.Nodes)
        {
            Assert.Equal(0, await node.StopAsync());
            await node.StartAsync();
            for (var i = 0; i < pages.Count; i++)
            {
                await Assertions.Expect(pages[i].Locator("[data-phx-main]")).ToHaveClassAsync(Connected, new() { Timeout = FailoverTimeout });
                await Assertions.Expect(pages[i].Locator("#count")).ToHaveTextAsync($"{i + 1}");
            }
        }
        Output.WriteLine($"rolling restart of {Fixture.Nodes.Count} nodes with {pages.Count} pages: {timer.ElapsedMilliseconds} ms");

        foreach (var page in pages)
        {
            Assert.Equal(1, await page.EvaluateAsync<int?>("() => window.__marker"));
            await page.Locator("#inc").ClickAsync();
        }
        for (var i = 0; i < pages.Count; i++)
        {
            await Assertions.Expect(pages[i].Locator("#count")).ToHaveTextAsync($"{i + 2}");
        }
    }

    private async Task<ServerProcess> NodeOfPageAsync()
    {
        var pid = int.Parse(await Page.Locator("#node").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return Fixture.Nodes.Single(node => node.ProcessId == pid);
    }

    private static Task MarkPageAsync(IPage page) => page.EvaluateAsync("() => { window.__marker = 1; }");
}
