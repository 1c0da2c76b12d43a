using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ballots.Voting;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Rekindle.TestApp;
using Rekindle.Testing;
using Rekindle.Tests.ClientMerge;
using Rekindle.Tests.Rendering;

namespace Rekindle.Tests.Testing;

/// <summary>
/// Rekindle.Testing's port of the client's <c>Rendered</c> against the client itself (under Node):
/// the same frames must give the same HTML, after every frame, for our server's diffs and for
/// random wire diffs of every shape the client accepts.
/// </summary>
public sealed class RenderedTreeTests : IAsyncLifetime
{
    private const int Steps = 8;
    private readonly ClientRenderer _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public void ServerDiffs_MergedByBoth_GiveTheClientsHtml()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = new RandomTreeModel(seed);
            var frames = new List<string> { Json.Full(model.Render()) };
            var held = model.Render();
            for (var step = 0; step < Steps; step++)
            {
                model.Mutate();
                var next = model.Render();
                frames.Add(Json.Diff(held, next));
                held = next;
            }
            CompareAsync($"server-{seed}", frames).GetAwaiter().GetResult();
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void WireDiffs_MergedByBoth_GiveTheClientsHtml()
    {
        var sent = new List<string>();
        Gen.Int[0, int.MaxValue].Sample(seed => CheckWireSequenceAsync(seed, sent).GetAwaiter().GetResult(), iter: 300, threads: 1);

        // The shapes only this generator makes did occur.
        Assert.Contains(sent, diff => Regex.IsMatch(diff, "\"s\":-\\d"));
        Assert.Contains(sent, diff => Regex.IsMatch(diff, "\"c\":\\{.*\"s\":\\d"));
        Assert.Contains(sent, diff => Regex.IsMatch(diff, "\\{\"s\":\\d"));
        Assert.Contains(sent, diff => Regex.IsMatch(diff, "\"\\d+\":\\[\\d+,\\{"));
        Assert.Contains(sent, diff => Regex.IsMatch(diff, "\"\\d+\":\\d+,.*\"km\":true"));
    }

    [Fact]
    public async Task BallotsSession_Transcript_GivesTheClientsHtml()
    {
        await using var app = BallotsApp();
        await app.StartAsync();
        var store = app.Services.GetService(typeof(Ballots.Data.VoteStore)) as Ballots.Data.VoteStore;
        var id = await store!.CreateElectionAsync(new Ballots.Data.NewElection("Transcript", [new("Lunch?", ["Pizza", "Sushi"]), new("Color?", ["Red", "Green"])]));
        var election = (await store.FindElectionAsync(id))!;
        await using var view = await LiveTest.MountAsync<ElectionLive>(app, $"/elections/{id}");
        foreach (var ballot in election.Ballots)
        {
            var choice = ballot.Choices[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await view.Form($"#ballot-{ballot.Id}").ChangeAsync(("choice", choice));
            await view.Form($"#ballot-{ballot.Id}").SubmitAsync();
            await view.WaitUntilAsync(page => page.Element($"#total-{ballot.Id}").Text == "1 vote");
        }
        await view.Element($"#change-{election.Ballots[0].Id}").ClickAsync();

        Assert.True(view.Transcript.Count > 5, "the session should have produced several diffs");
        await CompareAsync("ballots", view.Transcript);
    }

    private async Task CheckWireSequenceAsync(int seed, List<string> sent)
    {
        var session = $"wire-{seed}";
        var diffs = new RandomWireDiffs(seed);
        var join = diffs.Join().ToJsonString();
        var tree = new RenderedTree(RenderedTree.Extract(Parse(join)).Diff);
        Assert.Equal(await _client.JoinAsync(session, join), tree.ToHtml(markComponents: false).Html);
        for (var step = 0; step < Steps; step++)
        {
            var held = (JsonObject)(await _client.SendAsync(new JsonObject { ["op"] = "get", ["id"] = session }))["rendered"]!;
            var diff = diffs.Diff(held).ToJsonString();
            sent.Add(diff);
            var expected = await _client.MergeDiffAsync(session, diff);
            tree.MergeDiff(RenderedTree.Extract(Parse(diff)).Diff);
            var actual = tree.ToHtml(markComponents: false).Html;
            Assert.True(expected == actual, $"seed {seed}, step {step}: HTML differs after {diff}\nclient: {expected}\nours:   {actual}");
        }
        await _client.SendAsync(new JsonObject { ["op"] = "drop", ["id"] = session });
    }

    /// <summary>Feeds a join render and its diffs to the client and to <see cref="RenderedTree"/>; the HTML must agree after each.</summary>
    private async Task CompareAsync(string session, IReadOnlyList<string> frames)
    {
        var tree = new RenderedTree(RenderedTree.Extract(Parse(frames[0])).Diff);
        Assert.Equal(await _client.JoinAsync(session, frames[0]), tree.ToHtml(markComponents: false).Html);
        for (var i = 1; i < frames.Count; i++)
        {
            var expected = await _client.MergeDiffAsync(session, frames[i]);
            tree.MergeDiff(RenderedTree.Extract(Parse(frames[i])).Diff);
            var actual = tree.ToHtml(markComponents: false).Html;
            Assert.True(expected == actual, $"{session}, frame {i}: HTML differs after {frames[i]}\nclient: {expected}\nours:   {actual}");
        }
        await _client.SendAsync(new JsonObject { ["op"] = "drop", ["id"] = session });
    }

    private static Dictionary<string, object?> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return WireValue.ObjectFrom(document.RootElement);
    }

    private static WebApplication BallotsApp() =>
        global::Ballots.BallotsApp.Build(["--Rekindle:DataPath", TestHost.NewDataPath()], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        }, TestViews.Map);
}
