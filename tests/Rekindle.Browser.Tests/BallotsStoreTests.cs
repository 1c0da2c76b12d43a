using Ballots.Data;
using Microsoft.Data.Sqlite;

namespace Rekindle.Browser.Tests;

/// <summary>The Ballots sample's <see cref="VoteStore"/> on a real SQLite file (no browser).</summary>
public sealed class BallotsStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rekindle-tests", "ballots-store-" + Guid.NewGuid().ToString("N"));
    private readonly VoteStore _store;

    public BallotsStoreTests()
    {
        _store = new VoteStore(Path.Combine(_folder, "ballots.db"));
        _store.Initialize(seedDemo: false);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Submit_SameVoterTwice_ReplacesTheVoteAndCountsItOnce()
    {
        var election = await CreateAsync();
        var lunch = election.Ballots[0];

        Assert.Equal(VoteOutcome.Recorded, await _store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[0].Id));
        Assert.Equal(VoteOutcome.Replaced, await _store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[1].Id));

        var tally = await _store.TallyAsync(election.Id);
        Assert.Equal(0, tally.Votes(lunch.Choices[0].Id));
        Assert.Equal(1, tally.Votes(lunch.Choices[1].Id));
        Assert.Equal(1, tally.Total(lunch.Id));
        Assert.Equal(lunch.Choices[1].Id, (await _store.VotesOfAsync("voter-a", election.Id))[lunch.Id]);
        Assert.Equal(1, await CountRowsAsync("votes"));
    }

    [Fact]
    public async Task Submit_TwoVotersAndTwoBallots_AreCountedSeparately()
    {
        var election = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);

        await _store.SubmitVoteAsync("voter-a", election.Id, lunch.Id, lunch.Choices[0].Id);
        await _store.SubmitVoteAsync("voter-b", election.Id, lunch.Id, lunch.Choices[0].Id);
        await _store.SubmitVoteAsync("voter-a", election.Id, color.Id, color.Choices[1].Id);

        var tally = await _store.TallyAsync(election.Id);
        Assert.Equal(2, tally.Votes(lunch.Choices[0].Id));
        Assert.Equal(2, tally.Total(lunch.Id));
        Assert.Equal(1, tally.Total(color.Id));
        Assert.Equal(2, (await _store.VotesOfAsync("voter-a", election.Id)).Count);
        Assert.Single(await _store.VotesOfAsync("voter-b", election.Id));
    }

    [Fact]
    public async Task Submit_BadInputs_AreRefusedAndWriteNothing()
    {
        var election = await CreateAsync();
        var other = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);

        Assert.Equal(VoteOutcome.ChoiceNotOnBallot, await _store.SubmitVoteAsync("v", election.Id, lunch.Id, color.Choices[0].Id));
        Assert.Equal(VoteOutcome.ChoiceNotOnBallot, await _store.SubmitVoteAsync("v", election.Id, lunch.Id, 999_999));
        Assert.Equal(VoteOutcome.BallotNotInElection, await _store.SubmitVoteAsync("v", election.Id, other.Ballots[0].Id, other.Ballots[0].Choices[0].Id));
        Assert.Equal(VoteOutcome.UnknownElection, await _store.SubmitVoteAsync("v", 999_999, lunch.Id, lunch.Choices[0].Id));
        Assert.True(await _store.SetClosedAsync(election.Id, closed: true));
        Assert.Equal(VoteOutcome.ElectionClosed, await _store.SubmitVoteAsync("v", election.Id, lunch.Id, lunch.Choices[0].Id));

        Assert.Equal(0, await CountRowsAsync("votes"));
    }

    [Fact]
    public async Task Votes_ChoiceOfAnotherBallot_IsRefusedByTheSchemaToo()
    {
        var election = await CreateAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath};Foreign Keys=True");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO votes (voter, ballot_id, choice_id, cast_at) VALUES ('v', {lunch.Id}, {color.Choices[0].Id}, 0);";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("FOREIGN KEY", error.Message);
    }

    [Fact]
    public async Task Submit_FiftyConcurrentVotersResubmitting_GiveExactTotals()
    {
        var election = await CreateAsync();
        var lunch = election.Ballots[0];

        // Each voter first picks choice (i % 3), then changes to choice 0 if i is even: 50 voters, 50 votes.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await _store.SubmitVoteAsync($"voter-{i}", election.Id, lunch.Id, lunch.Choices[i % 3].Id);
            if (i % 2 == 0)
            {
                await _store.SubmitVoteAsync($"voter-{i}", election.Id, lunch.Id, lunch.Choices[0].Id);
            }
        })));

        var expected = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? 0 : i % 3).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var tally = await _store.TallyAsync(election.Id);
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

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.CreateElectionAsync(new NewElection(tooLong, [new NewBallot("Q?", ["only one"])])));

        Assert.Contains("title is too long", error.Message);
        Assert.Contains("List 2 to 8 choices", error.Message);
        Assert.Empty(await _store.ListElectionsAsync());
    }

    [Fact]
    public async Task Initialize_SecondStart_KeepsDataAndDoesNotSeedAgain()
    {
        var path = Path.Combine(_folder, "seeded.db");
        var first = new VoteStore(path);
        Assert.True(first.Initialize());
        var seeded = await first.ListElectionsAsync();
        Assert.Equal(2, seeded.Count);
        Assert.Contains(seeded, e => e.Closed && e.VoterCount > 0);
        var open = await first.FindElectionAsync(seeded.Single(e => !e.Closed).Id);
        Assert.NotNull(open);
        Assert.True(open.Ballots.Count >= 3);
        Assert.All(open.Ballots, b => Assert.InRange(b.Choices.Count, 2, 8));

        var second = new VoteStore(path);
        Assert.False(second.Initialize());

        Assert.Equal(seeded, await second.ListElectionsAsync());
    }

    private async Task<Election> CreateAsync()
    {
        var id = await _store.CreateElectionAsync(new NewElection("Test election",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]));
        return (await _store.FindElectionAsync(id))!;
    }

    private async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
