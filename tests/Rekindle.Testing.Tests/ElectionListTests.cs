using Ballots.Data;
using Ballots.Elections;

namespace Rekindle.Testing.Tests;

/// <summary>The sample's home page through <see cref="LiveTest"/>: the create form's validation and creation.</summary>
public sealed class ElectionListTests(InMemoryApp host) : IClassFixture<InMemoryApp>
{
    private const string Form = "#create-election";
    private const string Question = "ballots[0][question]";
    private const string Choices = "ballots[0][choices]";

    [Fact]
    public async Task Change_EmptyTitle_ShowsItsErrorOnlyUnderTheTouchedField()
    {
        await using var view = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");

        await view.Form(Form).ChangeAsync(("title", "  "));

        Assert.Equal("Give the election a title.", view.Element("#title-error").Text);
        Assert.Equal("true", view.Element("#title-0").GetAttribute("aria-invalid"));
        Assert.Equal("", view.Element("#new-question-0-error").Text);
        Assert.Null(view.Element("#new-question-0").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Change_FixedTitle_ClearsItsError()
    {
        await using var view = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");
        await view.Form(Form).ChangeAsync(("title", ""));

        await view.Form(Form).ChangeAsync(("title", "Lunch"));

        Assert.Equal("", view.Element("#title-error").Text);
        Assert.Equal("Lunch", view.Element("#title-0").GetAttribute("value"));
    }

    [Fact]
    public async Task Submit_Invalid_MarksEveryFieldAndCreatesNothing()
    {
        var store = host.Service<VoteStore>();
        var before = (await store.ListElectionsAsync()).Count;
        await using var view = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");

        await view.Form(Form).SubmitAsync(("title", "Team lunch"), (Choices, "Pizza"));

        Assert.Equal("Fix the 2 fields marked below; nothing was created.", view.Element("#form-error").Text);
        Assert.Equal("Write the question of this ballot.", view.Element("#new-question-0-error").Text);
        Assert.Equal("List 2 to 8 choices, one per line (now 1).", view.Element("#new-choices-0-error").Text);
        Assert.Equal("", view.Element("#title-error").Text);
        Assert.Equal(before, (await store.ListElectionsAsync()).Count);
    }

    [Fact]
    public async Task Submit_Valid_CreatesTheElectionAndListsIt()
    {
        var title = $"Lunch {Guid.NewGuid():N}";
        await using var view = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");

        await view.Form(Form).ChangeAsync(("title", title));
        await view.Form(Form).SubmitAsync(("title", title), (Question, "Where?"), (Choices, "Pizza\nSushi\nTacos"));

        var created = (await host.Service<VoteStore>().ListElectionsAsync()).Single(election => election.Title == title);
        Assert.Contains($"Created <a href=\"/elections/{created.Id}\">{title}</a>", view.Element("#created").OuterHtml);
        Assert.Contains(title, view.Element($"#election-{created.Id}").Text);
        Assert.Equal("1 ballots · 0 voters", view.Element($"#election-{created.Id} .meta").Text);
        // A new title input, empty: the form starts over.
        Assert.Equal("", view.Element("#title-1").GetAttribute("value"));
    }

    [Fact]
    public async Task Submit_InOnePage_ListsTheElectionInAnother()
    {
        var title = $"Picnic {Guid.NewGuid():N}";
        await using var watcher = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");
        await using var creator = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");

        await creator.Form(Form).SubmitAsync(("title", title), (Question, "When?"), (Choices, "Noon\nEvening"));

        await watcher.WaitUntilAsync(view => view.RenderedHtml.Contains(title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Click_AddBallot_AddsASecondBallotWithRemoveButtons()
    {
        await using var view = await LiveTest.MountAsync<ElectionListLive>(host.App, "/");

        await view.Element("#add-ballot").ClickAsync();

        Assert.True(view.HasElement("#new-ballot-1"));
        Assert.Equal("Ballot 2", view.Element("#new-ballot-1 legend").Text);
        await view.Element("#remove-ballot-0").ClickAsync();
        Assert.False(view.HasElement("#new-ballot-0"));
        Assert.Equal("Ballot 1", view.Element("#new-ballot-1 legend").Text);
    }
}
