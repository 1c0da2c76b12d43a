using System.Text.RegularExpressions;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>
/// The long-poll fallback: with the WebSocket endpoint answering nothing (as behind a proxy that
/// breaks WebSockets), the stock client falls back to <c>/live/longpoll</c> after
/// <c>longPollFallbackMs</c>, remembers it, and the page works and recovers as over a WebSocket.
/// </summary>
public sealed class LongPollTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {longPollFallbackMs: 300}}");
        // A WebSocket the handler never connects to the server: it opens and never answers, so the
        // client's health-check ping times out, as behind a proxy that swallows WebSocket frames.
        await Context.RouteWebSocketAsync(new Regex("/live/websocket"), _ => { });
    }

    [Fact]
    public async Task BlockedWebSocket_FallsBackToLongPoll_RemembersIt_AndVotesAndResultsWork()
    {
        var election = await NewElectionAsync(Host);
        var lunch = election.Ballots[0];
        var polls = 0;
        Page.Request += (_, request) => polls += request.Url.Contains("/live/longpoll", StringComparison.Ordinal) ? 1 : 0;

        await GotoElectionAsync(Page, Host, election);

        Assert.Equal("true", await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        Assert.True(polls > 0);
        await VoteAsync(Page, lunch, lunch.Choices[1]);
        await Assertions.Expect(Count(Page, lunch.Choices[1])).ToHaveTextAsync("1");
        await Assertions.Expect(Page.Locator("#viewer-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task LongPoll_DroppedAndReconnected_KeepsTheInProgressPickWithoutAReload()
    {
        var election = await NewElectionAsync(Host);
        var color = election.Ballots[1];
        await GotoElectionAsync(Page, Host, election);
        await PickAsync(Page, color.Choices[1]);
        await Page.EvaluateAsync("() => window.__longPollMarker = 'still here'");

        await DisconnectAsync(Page);
        await Assertions.Expect(Main).Not.ToHaveClassAsync(Connected);
        await ReconnectAsync(Page);

        await Assertions.Expect(Radio(Page, color.Choices[1])).ToHaveAttributeAsync("checked", "");
        await SubmitButton(Page, color).ClickAsync();
        await Assertions.Expect(Submitted(Page, color)).ToHaveTextAsync("submitted: Green");
        Assert.Equal("still here", await Page.EvaluateAsync<string>("() => window.__longPollMarker"));
    }
}
