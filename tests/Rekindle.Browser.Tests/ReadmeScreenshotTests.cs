using Ballots.Data;
using Microsoft.Extensions.DependencyInjection;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Takes the README's screenshot of the Ballots page (docs/images/ballots.png) from a real,
/// connected page with votes from three voters, and checks what it shows first.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly BrowserFixture _fixture = fixture;

    [Fact]
    public async Task BallotsPage_WithVotesFromThreeVoters_IsTheReadmeScreenshot()
    {
        var store = Host.Services.GetRequiredService<VoteStore>();
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Team offsite",
        [
            new NewBallot("Where do we go?", ["Lake cabin", "City hotel", "Mountain lodge"]),
            new NewBallot("Which month?", ["May", "June", "September"]),
            new NewBallot("Bring partners?", ["Yes", "No"]),
        ]))))!;
        var (place, month, partners) = (election.Ballots[0], election.Ballots[1], election.Ballots[2]);
        foreach (var (placeChoice, monthChoice) in new[] { (0, 1), (2, 1) })
        {
            await using var otherVoter = await _fixture.Browser.NewContextAsync();
            var other = await otherVoter.NewPageAsync();
            await GotoElectionAsync(other, Host, election);
            await VoteAsync(other, place, place.Choices[placeChoice]);
            await VoteAsync(other, month, month.Choices[monthChoice]);
        }

        await Page.SetViewportSizeAsync(1100, 900);
        await GotoElectionAsync(Page, Host, election);
        await VoteAsync(Page, place, place.Choices[0]);
        await PickAsync(Page, partners.Choices[0]);
        await Assertions.Expect(Page.Locator($"#total-{place.Id}")).ToHaveTextAsync("3 votes");
        await Assertions.Expect(Count(Page, month.Choices[1])).ToHaveTextAsync("2");
        await Assertions.Expect(Page.Locator("#reconnecting")).ToBeHiddenAsync();
        await Page.EvaluateAsync("() => document.activeElement?.blur()");

        var path = System.IO.Path.Combine(RepositoryRoot(), "docs", "images", "ballots.png");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var png = await Page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Output.WriteLine($"{path}: {png.Length} bytes");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Rekindle.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"Rekindle.sln not found above {AppContext.BaseDirectory}.");
    }
}
