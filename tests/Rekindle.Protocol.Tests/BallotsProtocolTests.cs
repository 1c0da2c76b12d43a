using System.Globalization;
using System.Text.Json.Nodes;
using Ballots.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// Issue 6 on the wire: the Ballots page driven by raw protocol clients (no browser), so a test can
/// send what the page never would — a choice of another ballot or election, garbage ids, votes on a
/// closed election — and fifty voters at once.
/// </summary>
public sealed class BallotsProtocolTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private VoteStore Store => fixture.Host.Services.GetRequiredService<VoteStore>();

    [Fact]
    public async Task ForgedSubmit_ChoiceNotOnTheBallot_IsRefusedInThePageAndNothingIsWritten()
    {
        var election = await NewElectionAsync("Forged choices");
        var other = await NewElectionAsync("Another election");
        var (lunch, color) = (election.Ballots[0], election.Ballots[1]);
        var voter = await VoterPage.OpenAsync(fixture.Host.BaseAddress, election);
        await using var _ = voter.Client;

        string[] forged =
        [
            Id(color.Choices[0].Id),                // a choice of another ballot of the same election
            Id(other.Ballots[0].Choices[0].Id),     // a choice of another election
            "0", "-1", "1 OR 1=1", "99999999999999999999999", "", "\u0000",
        ];
        foreach (var choice in forged)
        {
            // A change first clears the previous message, so each refusal shows in its own diff.
            Assert.Equal("ok", (await voter.SendFormAsync(lunch, "select", choice))["status"]!.GetValue<string>());
            var reply = await voter.SubmitAsync(lunch, choice);
            Assert.Equal("ok", reply["status"]!.GetValue<string>());
            var expected = choice.Length == 0 ? "Pick a choice first." : "That choice is not on this ballot. Nothing was recorded.";
            Assert.Contains(expected, PhoenixClient.RenderDiff(reply));
        }

        await AssertNoVotesAsync(election);
        await AssertNoVotesAsync(other);
        // The connection is still good: a real vote goes through on the same socket.
        Assert.Contains("Vote recorded.", PhoenixClient.RenderDiff(await voter.SubmitAsync(lunch, Id(lunch.Choices[1].Id))));
        Assert.Equal(1, (await Store.TallyAsync(election.Id)).Votes(lunch.Choices[1].Id));
    }

    [Fact]
    public async Task ForgedEvents_UnknownEventOrMalformedPayload_ErrorForThatConnectionOnly()
    {
        var election = await NewElectionAsync("Forged events");
        var lunch = election.Ballots[0];
        var attacker = await VoterPage.OpenAsync(fixture.Host.BaseAddress, election);
        var bystander = await VoterPage.OpenAsync(fixture.Host.BaseAddress, election);
        await using var _ = attacker.Client;
        await using var __ = bystander.Client;

        var unknown = await attacker.Client.PushAsync(attacker.JoinRef, "event", new JsonObject
        {
            ["type"] = "click",
            ["event"] = "delete_all_votes",
            ["value"] = new JsonObject(),
            ["cid"] = attacker.CidOf(lunch),
        });
        Assert.Equal("error", unknown["status"]!.GetValue<string>());
        Assert.Contains("no handler for event 'delete_all_votes'", unknown["response"]!["reason"]!.GetValue<string>());

        var malformed = await attacker.Client.PushAsync(attacker.JoinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "submit",
            ["value"] = new JsonObject { ["choice"] = new JsonArray(1, 2) },
            ["cid"] = attacker.CidOf(lunch),
        });
        Assert.Equal("error", malformed["status"]!.GetValue<string>());
        Assert.Equal("a form event's value must be a url-encoded string", malformed["response"]!["reason"]!.GetValue<string>());
        await AssertNoVotesAsync(election);

        Assert.Contains("Vote recorded.", PhoenixClient.RenderDiff(await bystander.SubmitAsync(lunch, Id(lunch.Choices[0].Id))));
        Assert.Contains("Vote recorded.", PhoenixClient.RenderDiff(await attacker.SubmitAsync(lunch, Id(lunch.Choices[0].Id))));
        Assert.Equal(2, (await Store.TallyAsync(election.Id)).Votes(lunch.Choices[0].Id));
    }

    [Fact]
    public async Task ForgedSubmit_AfterTheElectionClosed_IsRefusedAndNothingIsWritten()
    {
        var election = await NewElectionAsync("Closing soon");
        var lunch = election.Ballots[0];
        var voter = await VoterPage.OpenAsync(fixture.Host.BaseAddress, election);
        await using var _ = voter.Client;
        Assert.True(await Store.SetClosedAsync(election.Id, closed: true));

        // The page still shows the form (it joined while open); the store checks again in the transaction.
        var reply = await voter.SubmitAsync(lunch, Id(lunch.Choices[0].Id));

        Assert.Contains("Voting has closed. Nothing was recorded.", PhoenixClient.RenderDiff(reply));
        await AssertNoVotesAsync(election);
    }

    [Fact]
    public async Task FiftyVoters_SubmittingAtOnce_GiveExactTotals()
    {
        const int voters = 50;
        var election = await NewElectionAsync("Fifty voters");
        var lunch = election.Ballots[0];
        var pages = await Task.WhenAll(Enumerable.Range(0, voters).Select(_ => VoterPage.OpenAsync(fixture.Host.BaseAddress, election)));
        try
        {
            // Every voter votes at once; every fifth then changes its vote, again all at once.
            var first = await Task.WhenAll(pages.Select((page, i) => page.SubmitAsync(lunch, Id(lunch.Choices[i % 3].Id))));
            var changers = pages.Select((page, i) => (page, i)).Where(pair => pair.i % 5 == 0).ToList();
            var second = await Task.WhenAll(changers.Select(pair => pair.page.SubmitAsync(lunch, Id(lunch.Choices[(pair.i + 1) % 3].Id))));

            Assert.All(first, reply => Assert.Contains("Vote recorded.", PhoenixClient.RenderDiff(reply)));
            Assert.All(second, reply => Assert.Contains("Vote changed.", PhoenixClient.RenderDiff(reply)));
            var expected = new int[3];
            for (var i = 0; i < voters; i++)
            {
                expected[(i % 5 == 0 ? i + 1 : i) % 3]++;
            }
            var tally = await Store.TallyAsync(election.Id);
            Assert.Equal(voters, tally.Total(lunch.Id));
            Assert.Equal(expected, lunch.Choices.Select(choice => tally.Votes(choice.Id)));
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Client.DisposeAsync();
            }
        }
    }

    private async Task<Election> NewElectionAsync(string title) =>
        (await Store.FindElectionAsync(await Store.CreateElectionAsync(new NewElection(title,
        [
            new NewBallot("Where do we eat?", ["Pizza", "Sushi", "Tacos"]),
            new NewBallot("Which color?", ["Red", "Green"]),
        ]))))!;

    private async Task AssertNoVotesAsync(Election election) =>
        Assert.All((await Store.TallyAsync(election.Id)).ByBallot.Values, total => Assert.Equal(0, total));

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>One voter (its own session cookie) joined to an election page.</summary>
    private sealed record VoterPage(PhoenixClient Client, string JoinRef, JsonObject Components)
    {
        public static async Task<VoterPage> OpenAsync(Uri baseAddress, Election election)
        {
            var client = await PhoenixClient.ConnectAsync(baseAddress, $"/elections/{election.Id}");
            var (joinRef, reply) = await client.JoinAsync();
            Assert.Equal("ok", reply["status"]!.GetValue<string>());
            return new VoterPage(client, joinRef, reply["response"]!["rendered"]!["c"]!.AsObject());
        }

        /// <summary>The cid of a ballot's component: the one, besides the results panel, whose render holds the ballot's question.</summary>
        public int CidOf(Ballot ballot) => int.Parse(Components
            .Where(pair => !pair.Value!.ToJsonString().Contains("Live results", StringComparison.Ordinal))
            .Single(pair => pair.Value!.ToJsonString().Contains($"\"{ballot.Question}\"", StringComparison.Ordinal)).Key, CultureInfo.InvariantCulture);

        public Task<JsonNode> SubmitAsync(Ballot ballot, string choice) => SendFormAsync(ballot, "submit", choice);

        public Task<JsonNode> SendFormAsync(Ballot ballot, string eventName, string choice) => Client.PushAsync(JoinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = eventName,
            ["value"] = "choice=" + Uri.EscapeDataString(choice),
            ["cid"] = CidOf(ballot),
        });
    }
}
