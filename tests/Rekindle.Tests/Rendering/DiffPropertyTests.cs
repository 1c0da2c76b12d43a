using CsCheck;
using Rekindle.Tests.ClientMerge;

namespace Rekindle.Tests.Rendering;

/// <summary>
/// The diff engine against the real client: over random trees and random edit sequences, merging
/// our diffs with phoenix_live_view's own <c>Rendered</c> (under Node) gives exactly the HTML of a
/// fresh full render (docs/protocol.md §4.12).
/// </summary>
public sealed class DiffPropertyTests : IAsyncLifetime
{
    private const int Steps = 8;
    private readonly ClientRenderer _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public void Diffs_MergedByTheClient_EqualAFreshRender()
    {
        Gen.Int[0, int.MaxValue].Sample(seed => CheckSequenceAsync(seed).GetAwaiter().GetResult(), iter: 300, threads: 1);
    }

    [Fact]
    public void Diffs_OfUnchangedRenders_AreEmpty()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var model = new RandomTreeModel(seed);
            Assert.Equal("{}", Json.Diff(model.Render(), model.Render()));
        }, iter: 500);
    }

    private async Task CheckSequenceAsync(int seed)
    {
        var session = $"seed-{seed}";
        var model = new RandomTreeModel(seed);
        var held = model.Render();
        Assert.Equal(held.ToString(), await _client.JoinAsync(session, Json.Full(held)));
        for (var step = 0; step < Steps; step++)
        {
            model.Mutate();
            var next = model.Render();
            var diff = Json.Diff(held, next);
            var merged = await _client.MergeDiffAsync(session, diff);
            Assert.True(next.ToString() == merged, $"seed {seed}, step {step}: client HTML differs after diff {diff}\nexpected: {next}\nactual:   {merged}");
            held = next;
        }
        await _client.SendAsync(new System.Text.Json.Nodes.JsonObject { ["op"] = "drop", ["id"] = session });
    }
}
