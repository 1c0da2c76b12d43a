using System.Text.RegularExpressions;
using Ballots.Data;
using static Rekindle.Browser.Tests.BallotsTestData;

namespace Rekindle.Browser.Tests;

/// <summary>A page on the long-poll fallback survives <c>kill -9</c> of the server with its in-progress state.</summary>
public sealed class LongPollRestartTests(ServerProcessFixture fixture, ITestOutputHelper output)
    : ServerProcessTest<ServerProcessFixture>(fixture, output)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Context.AddInitScriptAsync("window.Rekindle = {liveSocketOptions: {longPollFallbackMs: 300}}");
        await Context.RouteWebSocketAsync(new Regex("/live/websocket"), _ => { });
    }

    [Fact]
    public async Task ServerKill_OnLongPoll_InProgressPickComesBackWithoutAReload()
    {
        var store = new VoteStore(System.IO.Path.Combine(Server.DataPath, "ballots.db"));
        var election = (await store.FindElectionAsync(await store.CreateElectionAsync(new NewElection("Long poll restart",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
        ]))))!;
        var lunch = election.Ballots[0];
        await GotoElectionAsync(Page, Server.Url(Path(election)));
        Assert.Equal("true", await Page.EvaluateAsync<string?>("() => sessionStorage.getItem('phx:fallback:LongPoll')"));
        await PickAsync(Page, lunch.Choices[2]);
        await Page.EvaluateAsync("() => window.__longPollMarker = 'still here'");
        // While the server is down, each poll is refused, and Chromium logs that.
        ExpectConsoleError(@"/live/longpoll\?");

        await ForceReconnectAsync(Fault.ServerKill);

        await Assertions.Expect(Radio(Page, lunch.Choices[2])).ToHaveAttributeAsync("checked", "");
        await SubmitButton(Page, lunch).ClickAsync();
        await Assertions.Expect(Submitted(Page, lunch)).ToHaveTextAsync("submitted: Tacos");
        Assert.Equal("still here", await Page.EvaluateAsync<string>("() => window.__longPollMarker"));
        Assert.Equal(1, (await store.TallyAsync(election.Id)).Votes(lunch.Choices[2].Id));
    }
}
