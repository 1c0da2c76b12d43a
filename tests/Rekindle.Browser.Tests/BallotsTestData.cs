using System.Text.RegularExpressions;
using Ballots.Data;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>Helpers of the Ballots sample's browser tests: a fresh election per test, and the page's selectors.</summary>
internal static class BallotsTestData
{
    public static readonly Regex Connected = new(@"\bphx-connected\b");

    /// <summary>Creates an election of its own for one test, so counts start at zero.</summary>
    public static async Task<Election> NewElectionAsync(TestHost host, string title = "Test election")
    {
        var store = host.Services.GetRequiredService<VoteStore>();
        var id = await store.CreateElectionAsync(new NewElection($"{title} {Guid.NewGuid():N}",
        [
            new NewBallot("Lunch?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Color?", ["Red", "Green"]),
        ]));
        return (await store.FindElectionAsync(id))!;
    }

    public static VoteStore Store(TestHost host) => host.Services.GetRequiredService<VoteStore>();

    public static string Path(Election election) => $"/elections/{election.Id}";

    /// <summary>Opens an election page and waits until the client has joined it.</summary>
    public static Task GotoElectionAsync(IPage page, TestHost host, Election election) => GotoElectionAsync(page, host.Url(Path(election)));

    public static async Task GotoElectionAsync(IPage page, Uri url)
    {
        var response = await page.GotoAsync(url.ToString());
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("[data-phx-main]")).ToHaveClassAsync(Connected);
    }

    public static ILocator Radio(IPage page, Choice choice) => page.Locator($"#choice-{choice.Id}");

    public static ILocator SubmitButton(IPage page, Ballot ballot) => page.Locator($"#submit-{ballot.Id}");

    public static ILocator Submitted(IPage page, Ballot ballot) => page.Locator($"#submitted-{ballot.Id}");

    public static ILocator Message(IPage page, Ballot ballot) => page.Locator($"#message-{ballot.Id}");

    public static ILocator Count(IPage page, Choice choice) => page.Locator($"#count-{choice.Id}");

    /// <summary>Picks a choice (phx-change) and waits until the server has rendered it checked.</summary>
    public static async Task PickAsync(IPage page, Choice choice)
    {
        await Radio(page, choice).CheckAsync();
        await Assertions.Expect(Radio(page, choice)).ToHaveAttributeAsync("checked", "");
    }

    /// <summary>Picks a choice, submits, and waits for "submitted: …", which the page shows only after the commit.</summary>
    public static async Task VoteAsync(IPage page, Ballot ballot, Choice choice)
    {
        await PickAsync(page, choice);
        await SubmitButton(page, ballot).ClickAsync();
        await Assertions.Expect(Submitted(page, ballot)).ToHaveTextAsync($"submitted: {choice.Label}");
    }

    public static Task DisconnectAsync(IPage page) => page.EvaluateAsync("() => liveSocket.disconnect()");

    /// <summary>
    /// Submits the ballot's first choice, opens its change form and picks the second choice, then
    /// drops the socket and reconnects: a half-made change of a submitted vote across a reconnect.
    /// </summary>
    public static async Task ChangeSubmittedVoteAcrossReconnectAsync(IPage page, Ballot ballot)
    {
        await VoteAsync(page, ballot, ballot.Choices[0]);
        await page.Locator($"#change-{ballot.Id}").ClickAsync();
        await PickAsync(page, ballot.Choices[1]);
        await DisconnectAsync(page);
        await Assertions.Expect(page.Locator("[data-phx-main]")).Not.ToHaveClassAsync(Connected);
        await ReconnectAsync(page);
    }

    public static async Task ReconnectAsync(IPage page)
    {
        await page.EvaluateAsync("() => liveSocket.connect()");
        await Assertions.Expect(page.Locator("[data-phx-main]")).ToHaveClassAsync(Connected);
    }
}
