using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>The Ballots sample as a child process started with <c>--Recovery:Mode Manual</c>.</summary>
public sealed class BallotsManualServerProcessFixture : ServerProcessFixture
{
    protected override string[] ExtraArgs => ["--Recovery:Mode", "Manual"];
}

/// <summary>The scenario in the default, automatic mode: a dropped socket, and <c>kill -9</c> of the server.</summary>
public sealed class BallotsRestartTests(ServerProcessFixture fixture, ITestOutputHelper output)
    : BallotsRestartTestsBase<ServerProcessFixture>(fixture, output)
{
    [Fact]
    public async Task ServerKill_ChangeInProgressOnASubmittedBallot_ComesBackFromTheSnapshot()
    {
        var store = new VoteStore(System.IO.Path.Combine(Server.DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Restart while changing",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
        ]))))!;
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, Server.Url(Path(election)));
        await MarkPageAsync();
        await VoteAsync(Page, lunch, lunch.Choices[0]);
        await Page.Locator($"#change-{lunch.Id}").ClickAsync();
        await PickAsync(Page, lunch.Choices[2]);

        await ForceReconnectAsync(Fault.ServerKill, () => MarkStaleAsync($"#submitted-{lunch.Id}"));

        // Editing and Selected are [Recoverable], committed to snapshots.db before each reply: the
        // restarted server's first render has the open form with Tacos picked; the vote is still Pizza.
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Pizza");
        await Assertions.Expect(Radio(Page, lunch.Choices[2])).ToHaveAttributeAsync("checked", "");
        await SubmitButton(Page, lunch).ClickAsync();
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Tacos");
        await AssertNotReloadedAsync();
        var tally = await store.TallyAsync(election.Id);
        Assert.Equal(1, tally.Total(lunch.Id));
        Assert.Equal(1, tally.Votes(lunch.Choices[2].Id));
    }
}

/// <summary>The count of votes seen since the page opened is in no database: the snapshot and the topic's log bring it back.</summary>
public sealed class BallotsMissedVotesTests(ServerProcessFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    [Fact]
    public async Task VoteCastWhileThePageWasDisconnected_IsCountedAfterItReconnects()
    {
        var store = new VoteStore(System.IO.Path.Combine(Server.DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Missed votes",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi"]),
        ]))))!;
        var lunch = election.Ballots[0];
        var url = Server.Url(Path(election));
        await GotoElectionAsync(Page, url);
        await MarkPageAsync();
        await VoteAsync(Page, lunch, lunch.Choices[0]);
        await Assertions.Expect(Locator("#votes-since")).ToHaveTextAsync("1 vote cast since you opened this page");

        await ForceReconnectAsync(Fault.SocketDrop, async () =>
        {
            await using var otherVoter = await Fixture.Browser.NewContextAsync();
            var other = await otherVoter.NewPageAsync();
            await GotoElectionAsync(other, url);
            await VoteAsync(other, lunch, lunch.Choices[1]);
        });

        await Assertions.Expect(Locator("#votes-since")).ToHaveTextAsync("2 votes cast since you opened this page");
        await Assertions.Expect(Count(Page, lunch.Choices[1])).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();
    }
}

/// <summary>The same scenario in manual mode.</summary>
public sealed class BallotsManualRestartTests(BallotsManualServerProcessFixture fixture, ITestOutputHelper output)
    : BallotsRestartTestsBase<BallotsManualServerProcessFixture>(fixture, output);

/// <summary>
/// Two voters; A has submitted ballot 1 and picked (not submitted) ballot 2, B has voted; then the
/// socket drops or the server is killed and started again. A's page, never reloaded, shows ballot 1
/// submitted and ballot 2's pick, the totals are exact, and A can finish ballot 2.
/// </summary>
public abstract class BallotsRestartTestsBase<TFixture>(TFixture fixture, ITestOutputHelper output) : ServerProcessTest<TFixture>(fixture, output)
    where TFixture : ServerProcessFixture
{
    [Theory]
    [InlineData(Fault.SocketDrop)]
    [InlineData(Fault.ServerKill)]
    [InlineData(Fault.ServerStop)]
    public async Task Reconnect_TwoVoters_NoVoteLostOrDoubledAndThePickComesBack(Fault fault)
    {
        // The child process owns the database; SQLite (WAL) lets the test read and write it too.
        var store = new VoteStore(System.IO.Path.Combine(Server.DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection($"Restart {fault}",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]))))!;
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        var url = Server.Url(Path(election));
        await GotoElectionAsync(Page, url);
        await MarkPageAsync();

        await VoteAsync(Page, lunch, lunch.Choices[1]);
        await PickAsync(Page, color.Choices[1]);
        await using (var otherVoter = await Fixture.Browser.NewContextAsync())
        {
            var other = await otherVoter.NewPageAsync();
            await GotoElectionAsync(other, url);
            await VoteAsync(other, lunch, lunch.Choices[1]);
            await Assertions.Expect(Count(other, lunch.Choices[1])).ToHaveTextAsync("2");
        }
        await Assertions.Expect(Count(Page, lunch.Choices[1])).ToHaveTextAsync("2");

        await ForceReconnectAsync(fault, () => MarkStaleAsync($"#submitted-{lunch.Id}", $"#count-{lunch.Choices[1].Id}"));

        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Sushi");
        await Assertions.Expect(Count(Page, lunch.Choices[1])).ToHaveTextAsync("2");
        await Assertions.Expect(Radio(Page, color.Choices[1])).ToHaveAttributeAsync("checked", "");
        await Assertions.Expect(Submitted(Page, color)).ToHaveTextAsync("");
        await SubmitButton(Page, color).ClickAsync();
        await Assertions.Expect(Submitted(Page, color)).ToHaveTextAsync("submitted: Green");
        await Assertions.Expect(Count(Page, color.Choices[1])).ToHaveTextAsync("1");
        await AssertNotReloadedAsync();

        var tally = await store.TallyAsync(election.Id);
        Assert.Equal(2, tally.Total(lunch.Id));
        Assert.Equal(2, tally.Votes(lunch.Choices[1].Id));
        Assert.Equal(1, tally.Total(color.Id));
    }
}
