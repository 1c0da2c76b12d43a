using Xunit.Abstractions;

namespace Rekindle.Tests.Architecture;

/// <summary>
/// The folders of <c>src/Rekindle</c> form layers that point one way (docs/architecture.md): a
/// folder may use folders of lower layers only, so the graph can have no cycle. A new folder must be
/// placed in <see cref="Layers"/>; build/layers.sh prints the graph.
/// </summary>
public sealed class LayerTests(ITestOutputHelper output)
{
    /// <summary>Bottom first. Folders in one layer must not use each other.</summary>
    private static readonly string[][] Layers =
    [
        ["Rendering", "Storage", "Telemetry"],
        ["Wire", "PubSub"],
        ["Uploads"],
        ["Views"],
        ["Routing", "Recovery"],
        ["Runtime"],
        ["Transport"],
        ["Hosting"],
    ];

    private static readonly FolderGraph Graph = FolderGraph.Of(typeof(Rekindle.Views.LiveView).Assembly);

    [Fact]
    public void FolderGraph_PrintsAndHasNoCycle()
    {
        output.WriteLine(Graph.ToString());
        var cycle = Graph.FindCycle();
        Assert.True(cycle.Count == 0, $"The folders of src/Rekindle depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
    }

    [Fact]
    public void Folders_AreEachInOneLayer()
    {
        var placed = Layers.SelectMany(layer => layer).ToList();
        Assert.Equal(placed.Count, placed.Distinct().Count());
        var unplaced = Graph.Folders.Except(placed).ToList();
        Assert.True(unplaced.Count == 0, $"Place the folders {string.Join(", ", unplaced)} in LayerTests.Layers (and docs/architecture.md).");
    }

    [Fact]
    public void Folders_UseOnlyLowerLayers()
    {
        var rank = Layers.SelectMany((layer, index) => layer.Select(folder => (folder, index))).ToDictionary(pair => pair.folder, pair => pair.index);
        var backEdges = Graph.Edges
            .SelectMany(from => from.Value.Select(to => (From: from.Key, To: to.Key, Users: to.Value)))
            .Where(edge => rank.GetValueOrDefault(edge.To, int.MaxValue) >= rank.GetValueOrDefault(edge.From, int.MinValue))
            .Select(edge => $"{edge.From} -> {edge.To} (used by {string.Join(", ", edge.Users)})")
            .ToList();
        Assert.True(backEdges.Count == 0, "These folders use a folder of their own or a higher layer:" + Environment.NewLine + string.Join(Environment.NewLine, backEdges));
    }
}
