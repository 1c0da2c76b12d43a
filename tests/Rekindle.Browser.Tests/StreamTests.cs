using System.Text.RegularExpressions;

namespace Rekindle.Browser.Tests;

/// <summary>Streams in the real client (docs/protocol.md §4.8), against StreamLive at /test/stream.</summary>
public sealed class StreamTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string SongIds = "() => [...document.querySelectorAll('#songs > li')].map(e => e.id)";

    private ILocator Titles => Page.Locator("#songs > li .title");

    private async Task ExpectSongsAsync(params (int Id, string Title)[] songs)
    {
        await Assertions.Expect(Titles).ToHaveTextAsync(songs.Select(song => song.Title).ToArray());
        Assert.Equal(songs.Select(song => $"songs-{song.Id}").ToArray(), await Page.EvaluateAsync<string[]>(SongIds));
    }

    [Fact]
    public async Task Stream_AppendPrependUpdateDeleteLimitReset_PatchesTheList()
    {
        await GotoLiveAsync($"/test/stream?list={Guid.NewGuid():N}");
        await ExpectSongsAsync((1, "One"), (2, "Two"), (3, "Three"));
        // Streamed items stay in the DOM between patches: a property set on one survives them.
        await Page.EvaluateAsync("() => { document.getElementById('songs-3').__tag = 'kept'; }");

        await Page.ClickAsync("#append");
        await ExpectSongsAsync((1, "One"), (2, "Two"), (3, "Three"), (4, "Song 4"));

        await Page.ClickAsync("#prepend");
        await ExpectSongsAsync((5, "Song 5"), (1, "One"), (2, "Two"), (3, "Three"), (4, "Song 4"));

        // Inserting an id the client shows updates it where it is (the insert says append).
        await Page.ClickAsync("#update-first");
        await ExpectSongsAsync((5, "Song 5 (edited)"), (1, "One"), (2, "Two"), (3, "Three"), (4, "Song 4"));

        await Page.ClickAsync("#songs-2 .delete");
        await ExpectSongsAsync((5, "Song 5 (edited)"), (1, "One"), (3, "Three"), (4, "Song 4"));
        Assert.Equal("kept", await Page.EvaluateAsync<string>("() => document.getElementById('songs-3').__tag"));

        // limit -3: the client keeps the last three items.
        await Page.ClickAsync("#append-limited");
        await ExpectSongsAsync((3, "Three"), (4, "Song 4"), (6, "Song 6"));
        Assert.Equal("kept", await Page.EvaluateAsync<string>("() => document.getElementById('songs-3').__tag"));

        await Page.ClickAsync("#reset");
        await ExpectSongsAsync((7, "Song 7"), (8, "Song 8"));
    }

    [Fact]
    public async Task Stream_AfterReconnect_IsStreamedAgainOnMountWithoutDuplicates()
    {
        await GotoLiveAsync($"/test/stream?list={Guid.NewGuid():N}");
        await Assertions.Expect(Page.Locator("#mounts")).ToHaveTextAsync("1");
        await Page.ClickAsync("#append");
        await Page.ClickAsync("#prepend");
        await Page.ClickAsync("#update-first");
        await Page.ClickAsync("#songs-2 .delete");
        await ExpectSongsAsync((5, "Song 5 (edited)"), (1, "One"), (3, "Three"), (4, "Song 4"));

        await Page.EvaluateAsync("() => { liveSocket.disconnect(); }");
        await Assertions.Expect(Main).Not.ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        // Stale text in the DOM: after the rejoin every item must come from the new mount's stream.
        await Page.EvaluateAsync("() => { for (const title of document.querySelectorAll('#songs .title')) title.textContent = 'stale'; }");
        await Page.EvaluateAsync("() => { liveSocket.connect(); }");

        await Assertions.Expect(Main).ToHaveClassAsync(new Regex(@"\bphx-connected\b"));
        await Assertions.Expect(Page.Locator("#mounts")).ToHaveTextAsync("2");
        await ExpectSongsAsync((5, "Song 5 (edited)"), (1, "One"), (3, "Three"), (4, "Song 4"));

        // The new mount's stream takes further inserts.
        await Page.ClickAsync("#append");
        await ExpectSongsAsync((5, "Song 5 (edited)"), (1, "One"), (3, "Three"), (4, "Song 4"), (6, "Song 6"));
    }

    [Fact]
    public async Task Stream_InAComponent_HasTheComponentsRefAndTakesInserts()
    {
        await GotoLiveAsync($"/test/stream?list={Guid.NewGuid():N}");
        var tracks = Page.Locator("#tracks > li");
        await Assertions.Expect(tracks).ToHaveTextAsync(["Track 1"]);

        await Page.ClickAsync("#add-track");
        await Page.ClickAsync("#add-track");

        await Assertions.Expect(tracks).ToHaveTextAsync(["Track 3", "Track 2", "Track 1"]);
        // The client marks each streamed element with its stream's ref: "<cid>-0" here, "0" for the view's stream.
        var cid = await Page.Locator("#playlist").GetAttributeAsync("data-phx-component");
        Assert.Equal([$"{cid}-0"], (await tracks.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.phxStream)")).Distinct());
        Assert.Equal("0", await Page.Locator("#songs-1").GetAttributeAsync("data-phx-stream"));
    }
}
