using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Drives <c>/test/feed/{topic}</c> (FeedLive) over a raw socket: joins, broadcasts, follows the items it shows.</summary>
internal sealed class FeedClient
{
    private FeedClient(PhoenixClient client, string items, string restore)
    {
        Client = client;
        Items = items;
        Restore = restore;
    }

    public PhoenixClient Client { get; }

    /// <summary>The comma-joined items the page shows now.</summary>
    public string Items { get; private set; }

    /// <summary>What the page says about its restore: <c>fresh</c>, <c>replaying N</c> or <c>lost topic…</c>.</summary>
    public string Restore { get; }

    public static async Task<FeedClient> JoinAsync(PhoenixClient client, bool rejoin = false)
    {
        var (_, reply) = await client.JoinAsync(rejoin ? new JsonObject { ["_mounts"] = 1 } : null);
        var rendered = reply["response"]!["rendered"]!;
        return new FeedClient(client, rendered["0"]!.GetValue<string>(), rendered["1"]!.GetValue<string>());
    }

    public static async Task BroadcastAsync(Uri node, string topic, params string[] messages)
    {
        using var http = new HttpClient { BaseAddress = node };
        foreach (var message in messages)
        {
            (await http.PostAsync($"/test/feed/{topic}?message={message}", null)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Applies diff pushes until the page shows <paramref name="expected"/>. A duplicate shows in the
    /// next change (each diff carries the whole list), so tests end with one more broadcast.
    /// </summary>
    public async Task ExpectItemsAsync(string expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Items != expected && !deadline.IsCancellationRequested)
        {
            Apply(await Client.ReceiveFrameAsync(TimeSpan.FromSeconds(10)));
        }
        Assert.Equal(expected, Items);
    }

    private void Apply(JsonArray? frame)
    {
        if (frame?[3]?.GetValue<string>() == "diff" && frame[4]?["0"] is { } items)
        {
            Items = items.GetValue<string>();
        }
    }
}
