using System.Data.Common;
using Ballots.Data;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The Ballots sample's <see cref="VoteStore"/> invariants, which every database it runs on must keep
/// (<see cref="BallotsStoreTests"/> on SQLite, <see cref="BallotsPostgresStoreTests"/> on PostgreSQL):
/// one vote per voter and ballot, exact totals under 50 concurrent voters, bad input refused.
/// </summary>
public abstract class VoteStoreContract : IAsyncLifetime
{
    private readonly List<IVoteDatabase> _opened = [];
    private VoteStore? _store;

    private VoteStore Store => _store ?? throw new InvalidOperationException("The test is not initialized.");

    /// <summary>Makes a new, empty database; returns where it is (a path or a connection string).</summary>
    protected abstract Task<string> NewDatabaseAsync();

    /// <summary>Opens the database at <paramref name="location"/>, as a node starting on it would.</summary>
    protected abstract IVoteDatabase Open(string location);

    public async Task InitializeAsync()
    {
        _store = NewStore(await NewDatabaseAsync());
        Store.Initialize(seedDemo: false);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }

    private VoteStore NewStore(string location)
    {
        var database = Open(location);
        _opened.Add(database);
        return new VoteStore(database);
    }

    [Fact]
    public async Task Submit_SameVoterTwice_ReplacesTheVoteAndCountsItOnce()
    {
        var election = await CreateAsync();
        var lunch = election.Ballots[0];

        Assert.Equal(VoteOutcome.Recorded, await Store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[0].Id));
        Assert.Equal(VoteOutcome.Replaced, await Store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[1].Id));

        var tally = await Store.TallyAsync(election.Id);
        Assert.Equal(0, tally.Votes(lunch.Choices[0].Id));
        Assert.Equal(1, tally.Votes(lunch.Choices[1].Id));
        Assert.Equal(1, tally.Total(lunch.Id));
        Assert.Equal(lunch.Choices[1].Id, (await Store.VotesOfAsync("voter-a", election.Id))[lunch.Id]);
        Assert.Equal(1, await CountRowsAsync("votes"));
    }

    [Fact]
    public async Task Submit_TwoVotersAndTwoBallots_AreCountedSeparately()
    {
        var election = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);

        await Store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[0].Id);
        await Store.SubmitVoteAsync("voter-b", election.Id, lunch.Id, lunch.Choices[0].Id);
        await Store.SubmitVoteAsync("voter-a", election.Id, color.Id, color.Choices[1].Id);

        var tally = await Store.TallyAsync(election.Id);
        Assert.Equal(2, tally.Votes(lunch.Choices[0].Id));
        Assert.Equal(2, tally.Total(lunch.Id));
        Assert.Equal(1, tally.Total(color.Id));
        Assert.Equal(2, (await Store.VotesOfAsync("voter-a", election.Id)).Count);
        Assert.Single(await Store.VotesOfAsync("voter-b", election.Id));
    }

    [Fact]
    public async Task Submit_BadInputs_AreRefusedAndWriteNothing()
    {
        var election = await CreateAsync();
        var other = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);

        Assert.Equal(VoteOutcome.ChoiceNotOnBallot, await Store.SubmitVoteAsync("v", election.Id, lunch.Id, color.Choices[0].Id));
        Assert.Equal(VoteOutcome.ChoiceNotOnBallot, await Store.SubmitVoteAsync("v", election.Id, lunch.Id, 999_999));
        Assert.Equal(VoteOutcome.BallotNotInElection, await Store.SubmitVoteAsync("v", election.Id, other.Ballots[0].Id, other.Ballots[0].Choices[0].Id));
        Assert.Equal(VoteOutcome.UnknownElection, await Store.SubmitVoteAsync("v", 999_999, lunch.Id, lunch.Choices[0].Id));
        Assert.True(await Store.SetClosedAsync(election.Id, closed: true));
        Assert.Equal(VoteOutcome.ElectionClosed, await Store.SubmitVoteAsync("v", election.Id, lunch.Id, lunch.Choices[0].Id));

        Assert.Equal(0, await CountRowsAsync("votes"));
    }

    [Fact]
    public async Task Votes_ChoiceOfAnotherBallot_IsRefusedByTheSchemaToo()
    {
        var election = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        await using var command = Store.Database.DataSource.CreateCommand(
            $"INSERT INTO votes (voter, ballot_id, choice_id, cast_at) VALUES ('v', {lunch.Id}, {color.Choices[0].Id}, 0);");

        var error = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("foreign key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Submit_FiftyConcurrentVotersResubmitting_GiveExactTotals()
    {
        var election = await CreateAsync();
        var lunch = election.Ballots[0];

        // Each voter first picks choice (i % 3), then changes to choice 0 if i is even: 50 voters, 50 votes.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var first = await Store.SubmitVoteAsync($"voter-{i}", election.Id, lunch.Id, lunch.Choices[i % 3].Id);
            var second = i % 2 == 0 ? await Store.SubmitVoteAsync($"voter-{i}", election.Id, lunch.Id, lunch.Choices[0].Id) : (VoteOutcome?)null;
            return (first, second);
        })));

        Assert.All(outcomes, outcome => Assert.Equal(VoteOutcome.Recorded, outcome.first));
        Assert.Equal(25, outcomes.Count(outcome => outcome.second == VoteOutcome.Replaced));

        var expected = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? 0 : i % 3).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var tally = await Store.TallyAsync(election.Id);
        Assert.Equal(50, tally.Total(lunch.Id));
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected.GetValueOrDefault(c), tally.Votes(lunch.Choices[c].Id));
        }
    }

    [Fact]
    public async Task Create_InvalidElection_IsRefusedWithTheProblems()
    {
        var tooLong = new string('x', ElectionRules.TitleMax + 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateElectionAsync(new NewElection(tooLong, [new NewBallot("Q?", ["only one"])])));

        Assert.Contains("title is too long", error.Message);
        Assert.Contains("List 2 to 8 choices", error.Message);
        Assert.Empty(await Store.ListElectionsAsync());
    }

    [Fact]
    public async Task Initialize_SecondStart_KeepsDataAndDoesNotSeedAgain()
    {
        var location = await NewDatabaseAsync();
        var first = NewStore(location);
        Assert.True(first.Initialize());
        var seeded = await first.ListElectionsAsync();
        Assert.Equal(2, seeded.Count);
        Assert.Contains(seeded, e => e.Closed && e.VoterCount > 0);
        var open = await first.FindElectionAsync(seeded.Single(e => !e.Closed).Id);
        Assert.NotNull(open);
        Assert.True(open.Ballots.Count >= 3);
        Assert.All(open.Ballots, b => Assert.InRange(b.Choices.Count, 2, 8));

        var second = NewStore(location);
        Assert.False(second.Initialize());

        Assert.Equal(seeded, await second.ListElectionsAsync());
    }

    private async Task<Election> CreateAsync()
    {
        var id = await Store.CreateElectionAsync(new NewElection("Test election",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]));
        return (await Store.FindElectionAsync(id))!;
    }

    private async Task<long> CountRowsAsync(string table)
    {
        await using var command = Store.Database.DataSource.CreateCommand($"SELECT COUNT(*) FROM {table};");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
