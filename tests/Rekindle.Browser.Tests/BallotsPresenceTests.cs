using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>
/// Presence on the election page: each open page tracks its voter, and every page shows how many
/// people are viewing and who voted while there, live, as people come, vote, drop and leave.
/// </summary>
public sealed class BallotsPresenceTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private readonly BrowserFixture _fixture = fixture;

    [Fact]
    public async Task TwoVoters_SeeEachOtherArriveVoteAndLeave_WithoutReloading()
    {
        var election = await NewElectionAsync(Host);
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, Host, election);
        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("1");
        await Assertions.Expect(RecentVoters(Page)).ToHaveTextAsync("nobody yet");
        await Page.EvaluateAsync("() => window.__presenceMarker = 'still here'");

        await using var otherContext = await _fixture.Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await GotoElectionAsync(other, Host, election);
        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("2");
        await Assertions.Expect(ViewerCount(other)).ToHaveTextAsync("2");

        await VoteAsync(other, lunch, lunch.Choices[1]);
        await Assertions.Expect(RecentVoters(Page)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Voter [0-9a-f]{6}$"));
        Assert.Equal(await RecentVoters(Page).TextContentAsync(), await RecentVoters(other).TextContentAsync());

        await other.CloseAsync();
        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("1");
        await Assertions.Expect(RecentVoters(Page)).ToHaveTextAsync("nobody yet");
        Assert.Equal("still here", await Page.EvaluateAsync<string>("() => window.__presenceMarker"));
    }

    [Fact]
    public async Task OneVoterInTwoTabs_CountsOnce_AndStaysWhileOneTabIsOpen()
    {
        var election = await NewElectionAsync(Host);
        await GotoElectionAsync(Page, Host, election);
        var secondTab = await NewPageAsync();
        await GotoElectionAsync(secondTab, Host, election);

        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("1");
        await Assertions.Expect(ViewerCount(secondTab)).ToHaveTextAsync("1");
        await secondTab.CloseAsync();
        await using var otherContext = await _fixture.Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await GotoElectionAsync(other, Host, election);
        await Assertions.Expect(ViewerCount(other)).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task DroppedSocket_LeavesAtOnce_AndTheRejoinIsBackWithoutAReload()
    {
        var election = await NewElectionAsync(Host);
        await GotoElectionAsync(Page, Host, election);
        await using var otherContext = await _fixture.Browser.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await GotoElectionAsync(other, Host, election);
        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("2");
        await other.EvaluateAsync("() => window.__presenceMarker = 'still here'");

        await DisconnectAsync(other);
        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("1");
        await ReconnectAsync(other);

        await Assertions.Expect(ViewerCount(Page)).ToHaveTextAsync("2");
        await Assertions.Expect(ViewerCount(other)).ToHaveTextAsync("2");
        Assert.Equal("still here", await other.EvaluateAsync<string>("() => window.__presenceMarker"));
    }

    private static ILocator ViewerCount(IPage page) => page.Locator("#viewer-count");

    private static ILocator RecentVoters(IPage page) => page.Locator("#recent-voters");
}
