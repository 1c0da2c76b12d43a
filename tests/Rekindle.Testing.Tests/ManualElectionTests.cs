using System.Globalization;
using Ballots.Data;
using Ballots.Voting;

namespace Rekindle.Testing.Tests;

/// <summary>
/// The sample's manual recovery mode through <see cref="LiveTest"/>: the event the page's hook
/// stashes (<c>PushEvent</c>) and the hook's restore request (<c>pushEvent</c> with a reply).
/// </summary>
public sealed class ManualElectionTests(ManualModeApp host) : IClassFixture<ManualModeApp>
{
    [Fact]
    public async Task SubmitVote_Committed_PushesTheVoteForTheHookToStash()
    {
        var election = await NewElectionAsync();
        var lunch = election.Ballots[0];
        await using var view = await LiveTest.MountAsync<ManualElectionLive>(host.App, $"/elections/{election.Id}");

        await view.Form($"#ballot-{lunch.Id}").SubmitAsync(("choice", Id(lunch.Choices[2])));

        var pushed = view.AssertPushEvent("ballots:submitted").Payload;
        Assert.Equal(Id(lunch.Id), pushed.GetProperty("ballot").GetString());
        Assert.Equal(Id(lunch.Choices[2].Id), pushed.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task RestoreSavedState_StashMatchesTheDatabase_RepliesRestored()
    {
        var election = await NewElectionAsync();
        var lunch = election.Ballots[0];
        var color = election.Ballots[1];
        await using var voted = await LiveTest.MountAsync<ManualElectionLive>(host.App, $"/elections/{election.Id}");
        await voted.Form($"#ballot-{lunch.Id}").SubmitAsync(("choice", Id(lunch.Choices[0])));

        var saved = new Dictionary<string, string> { [Id(lunch.Id)] = Id(lunch.Choices[0].Id), [Id(color.Id)] = Id(lunch.Choices[1].Id) };
        var reply = await voted.PushHookEventAsync("restore_saved_state", new { saved });

        // Only the stash entry the database confirms counts; a choice of another ballot is ignored.
        Assert.Equal(1, reply!.Value.GetProperty("restored").GetInt32());
        Assert.Equal("1", voted.Element("#state-recovery").GetAttribute("data-restored"));
    }

    private async Task<Election> NewElectionAsync()
    {
        var store = host.Service<VoteStore>();
        var id = await store.CreateElectionAsync(new NewElection($"Manual {Guid.NewGuid():N}",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]));
        return (await store.FindElectionAsync(id))!;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(Choice choice) => Id(choice.Id);
}
