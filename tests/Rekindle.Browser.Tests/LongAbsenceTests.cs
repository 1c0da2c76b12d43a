using System.Diagnostics;
using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>The test app with the shortest idle timeout the options allow (31 s), so a test can outsleep it.</summary>
public sealed class ShortIdleServerProcessFixture : ServerProcessFixture
{
    protected override string[] ExtraArgs => ["--Rekindle:Transport:IdleTimeout", "00:00:31"];
}

/// <summary>
/// Issue 18, items 3 and 6: a laptop that sleeps. The page reaches the server through a
/// <see cref="TcpCable"/>; the cable is cut (nothing passes, nobody is told), the server closes the
/// silent socket after <c>IdleTimeout</c> and the view process ends; then the network comes back. The client reconnects and
/// rejoins by itself: the state is back, and so are the messages the view missed, without a reload.
/// </summary>
public sealed class LongAbsenceTests(ShortIdleServerProcessFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<ShortIdleServerProcessFixture>(fixture, output)
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(50);

    [Fact]
    public async Task Sleep_PastTheIdleTimeout_ViewProcessGone_StateBackWithoutReload()
    {
        await using var cable = TcpCable.To(Server.BaseAddress);
        await GotoThroughAsync(cable, "/counter");
        for (var count = 1; count <= 3; count++)
        {
            await Locator("#inc").ClickAsync();
            await Assertions.Expect(Locator("#count")).ToHaveTextAsync($"{count}");
        }
        await MarkPageAsync();
        await MarkStaleAsync("#count");

        await SleepUntilTheServerHangsUpAsync(cable);

        await Assertions.Expect(Main).ToHaveClassAsync(Connected, new() { Timeout = 20_000 });
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("3");
        await Locator("#inc").ClickAsync();
        await Assertions.Expect(Locator("#count")).ToHaveTextAsync("4");
        await AssertNotReloadedAsync();
        Assert.Contains(ServerLogsOfThisTest, line => line.EventId.Id == 2008); // ViewRestored
    }

    [Fact]
    public async Task PassiveElectionPage_TwoVotesCastWhileAsleep_CountsThemWithoutReload()
    {
        var store = new VoteStore(System.IO.Path.Combine(Server.DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Watched, never touched",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]))))!;
        var url = Server.Url(Path(election));
        await using var cable = TcpCable.To(Server.BaseAddress);
        await GotoElectionAsync(Page, cable.Url(Path(election)));
        await Assertions.Expect(Locator("#votes-since")).ToHaveTextAsync("0 votes cast since you opened this page");
        await MarkPageAsync();

        await SleepUntilTheServerHangsUpAsync(cable, async () =>
        {
            await using var otherVoter = await Fixture.Browser.NewContextAsync();
            var other = await otherVoter.NewPageAsync();
            await GotoElectionAsync(other, url);
            await VoteAsync(other, election.Ballots[0], election.Ballots[0].Choices[1]);
            await VoteAsync(other, election.Ballots[1], election.Ballots[1].Choices[0]);
        });

        await Assertions.Expect(Main).ToHaveClassAsync(Connected, new() { Timeout = 20_000 });
        await Assertions.Expect(Locator("#votes-since")).ToHaveTextAsync("2 votes cast since you opened this page");
        await Assertions.Expect(Count(Page, election.Ballots[0].Choices[1])).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }

    private async Task GotoThroughAsync(TcpCable cable, string path)
    {
        Assert.Equal(200, (await Page.GotoAsync(cable.Url(path).ToString()))!.Status);
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
    }

    /// <summary>
    /// Cuts the page's network until the server has closed its silent socket for idleness (the view
    /// process ends with it), runs <paramref name="whileAsleep"/>, and gives the network back.
    /// </summary>
    private async Task SleepUntilTheServerHangsUpAsync(TcpCable cable, Func<Task>? whileAsleep = null)
    {
        static bool IsIdleClose(Rekindle.TestApp.TestLogSink.LogLine line) => line.Category == "Rekindle.Transport.ChannelSocket" && line.EventId.Id == 1003;
        // While the network is gone, each of the client's reconnect attempts is refused, and Chromium logs that.
        ExpectConsoleError(@"^page \d+ console\.error: WebSocket connection to 'ws://127\.0\.0\.1:\d+/live/websocket\?[^']*' failed: ");
        var closesBefore = Server.Logs.Count(IsIdleClose);
        cable.Cut();
        var asleep = Stopwatch.StartNew();
        while (Server.Logs.Count(IsIdleClose) == closesBefore)
        {
            Assert.True(asleep.Elapsed < MaxSleep, $"the server did not close the silent socket within {MaxSleep}");
            await Task.Delay(250);
        }
        if (whileAsleep is not null)
        {
            await whileAsleep();
        }
        Output.WriteLine($"asleep for {asleep.ElapsedMilliseconds} ms; the server hung up after its idle timeout");
        cable.Mend();
    }
}
