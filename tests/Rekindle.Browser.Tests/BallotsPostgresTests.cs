using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>The Ballots sample on PostgreSQL (<c>--Database:Provider=Postgres</c>), driven in Chromium.</summary>
public sealed class BallotsPostgresTests(BallotsPostgresFixture fixture, ITestOutputHelper output)
    : BrowserTest<BallotsPostgresFixture>(fixture, output)
{
    [Fact]
    public async Task ElectionList_NewDatabase_IsSeededOnPostgres()
    {
        Assert.IsType<PostgresVoteDatabase>(Store(Fixture.Host).Database);

        await GotoLiveAsync("/");

        await Assertions.Expect(Page.GetByText("Rekindle community poll")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Vote_TwoVotersThenADroppedSocket_CountsEachOnceLiveAndInTheDatabase()
    {
        var election = await NewElectionAsync(Fixture.Host, "Postgres");
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, Fixture.Host, election);
        await MarkPageAsync();
        await using var otherVoter = await Fixture.Browser.NewContextAsync();
        var other = await otherVoter.NewPageAsync();
        await GotoElectionAsync(other, Fixture.Host, election);

        await VoteAsync(Page, lunch, lunch.Choices[0]);
        await VoteAsync(other, lunch, lunch.Choices[1]);
        await DropSocketAsync();
        await Assertions.Expect(Main).ToHaveClassAsync(Connected);
        await Page.Locator($"#change-{lunch.Id}").ClickAsync();
        await VoteAsync(Page, lunch, lunch.Choices[1]); // a re-vote replaces the first one

        await Assertions.Expect(Count(Page, lunch.Choices[0])).ToHaveTextAsync("0");
        await Assertions.Expect(Count(other, lunch.Choices[1])).ToHaveTextAsync("2");
        var tally = await Store(Fixture.Host).TallyAsync(election.Id);
        Assert.Equal(2, tally.Total(lunch.Id));
        Assert.Equal(2, tally.Votes(lunch.Choices[1].Id));
        await AssertNotReloadedAsync();
    }
}
