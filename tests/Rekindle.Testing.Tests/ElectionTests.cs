using Ballots.Data;
using Ballots.Voting;

namespace Rekindle.Testing.Tests;

/// <summary>
/// The sample's election page through <see cref="LiveTest"/>: voting on a ballot component
/// (events targeted at the component) and the live results, updated over PubSub in every page.
/// </summary>
public sealed class ElectionTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    [Fact]
    public async Task Mount_Election_RendersEachBallotAsAComponent()
    {
        var election = await NewElectionAsync();
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));

        Assert.Equal(election.Title, view.Element("#election-title").Text);
        foreach (var ballot in election.Ballots)
        {
            Assert.NotNull(view.Element($"#ballot-box-{ballot.Id}").GetAttribute("data-phx-component"));
        }
        Assert.Equal("0 votes", view.Element($"#total-{election.Ballots[0].Id}").Text);
    }

    [Fact]
    public async Task SubmitVote_Committed_ShowsSubmittedAndUpdatesResults()
    {
        var election = await NewElectionAsync();
        var lunch = election.Ballots[0];
        var sushi = lunch.Choices[1];
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));

        await view.Form($"#ballot-{lunch.Id}").ChangeAsync(("choice", Id(sushi)));
        Assert.Equal("", view.Element($"#choice-{sushi.Id}").GetAttribute("checked"));
        await view.Form($"#ballot-{lunch.Id}").SubmitAsync();

        Assert.Equal("submitted: Sushi", view.Element($"#submitted-{lunch.Id}").Text);
        Assert.Equal("Vote recorded.", view.Element($"#message-{lunch.Id}").Text);
        Assert.False(view.HasElement($"#ballot-{lunch.Id}"));
        await view.WaitUntilAsync(page => page.Element($"#count-{sushi.Id}").Text == "1");
        Assert.Equal("1 vote", view.Element($"#total-{lunch.Id}").Text);
    }

    [Fact]
    public async Task SubmitVote_WithoutAPick_SaysSoAndRecordsNothing()
    {
        var election = await NewElectionAsync();
        var lunch = election.Ballots[0];
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));

        await view.Form($"#ballot-{lunch.Id}").SubmitAsync();

        Assert.Equal("Pick a choice first.", view.Element($"#message-{lunch.Id}").Text);
        Assert.Equal(0, (await host.Service<VoteStore>().TallyAsync(election.Id)).Total(lunch.Id));
    }

    [Fact]
    public async Task SubmitVote_ChoiceOfAnotherBallot_IsRefused()
    {
        var election = await NewElectionAsync();
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));

        await view.Form($"#ballot-{lunch.Id}").SubmitAsync(("choice", Id(color.Choices[0])));

        Assert.Equal("That choice is not on this ballot. Nothing was recorded.", view.Element($"#message-{lunch.Id}").Text);
        Assert.Equal(0, (await host.Service<VoteStore>().TallyAsync(election.Id)).Total(lunch.Id));
    }

    [Fact]
    public async Task SubmitVote_InOnePage_UpdatesTheResultsOfAnotherVoter()
    {
        var election = await NewElectionAsync();
        var color = election.Ballots[1];
        var green = color.Choices[1];
        await using var watcher = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));
        await using var voter = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));

        await voter.Form($"#ballot-{color.Id}").SubmitAsync(("choice", Id(green)));

        await watcher.WaitUntilAsync(page => page.Element($"#count-{green.Id}").Text == "1");
        Assert.Equal("1 vote", watcher.Element($"#total-{color.Id}").Text);
        // The watcher is another browser, so another voter: its own ballot is still open.
        Assert.True(watcher.HasElement($"#ballot-{color.Id}"));
    }

    [Fact]
    public async Task ChangeVote_ClickChangeThenSubmit_ReplacesTheVote()
    {
        var election = await NewElectionAsync();
        var lunch = election.Ballots[0];
        var (pizza, tacos) = (lunch.Choices[0], lunch.Choices[2]);
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, Path(election));
        await view.Form($"#ballot-{lunch.Id}").SubmitAsync(("choice", Id(pizza)));

        await view.Element($"#change-{lunch.Id}").ClickAsync();
        Assert.Equal("Submit change", view.Element($"#submit-{lunch.Id}").Text);
        await view.Form($"#ballot-{lunch.Id}").SubmitAsync(("choice", Id(tacos)));

        Assert.Equal("submitted: Tacos", view.Element($"#submitted-{lunch.Id}").Text);
        Assert.Equal("Vote changed.", view.Element($"#message-{lunch.Id}").Text);
        await view.WaitUntilAsync(page => page.Element($"#count-{tacos.Id}").Text == "1" && page.Element($"#count-{pizza.Id}").Text == "0");
    }

    [Fact]
    public async Task Mount_UnknownElection_ShowsNotFound()
    {
        await using var view = await LiveTest.MountAsync<ElectionLive>(host.App, "/elections/999999");

        Assert.Equal("Election not found", view.Element("#not-found h1").Text);
        Assert.Equal("Election not found · Ballots", view.PageTitle);
    }

    private async Task<Election> NewElectionAsync()
    {
        var store = host.Service<VoteStore>();
        var id = await store.CreateElectionAsync(new NewElection($"Test election {Guid.NewGuid():N}",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]));
        return (await store.FindElectionAsync(id))!;
    }

    private static string Path(Election election) => $"/elections/{election.Id}";

    private static string Id(Choice choice) => choice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
