using System.Runtime.CompilerServices;
using Rekindle.Rendering;
using Rekindle.Tests.ClientMerge;
using Rekindle.Tests.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Views;

/// <summary>
/// The stream wire format (docs/protocol.md §4.8) to the exact JSON: each test renders, writes
/// and flushes as RenderSession does, then checks the next diff.
/// </summary>
public sealed class StreamTests : LiveTemplate, IAsyncDisposable
{
    private const string ListStatics = """["<ul id=\"songs\" phx-update=\"stream\">","</ul>"]""";
    private const string ItemStatics = """["<li id=\"","\">","</li>"]""";
    private readonly ClientRenderer _client = new();
    private Rendered? _held;

    private sealed record Song(int Id, string Title);

    public override Rendered Render() => Html($"""<ul id="songs" phx-update="stream">{StreamEach<Song>("songs", (id, song) => Html($"<li id=\"{id}\">{song.Title}</li>"))}</ul>""");

    private string Join()
    {
        var next = Render();
        var json = Json.Full(next);
        _held = next;
        FlushStreams();
        return json;
    }

    private string Diff()
    {
        var next = Render();
        var json = Json.Diff(_held, next);
        _held = next;
        FlushStreams();
        return json;
    }

    private void Declare(params Song[] songs) => Stream("songs", songs, song => $"songs-{song.Id}");

    [Fact]
    public void Join_WithItems_SendsTheEntriesAndTheStreamAnnotation()
    {
        Declare(new Song(1, "Intro"), new Song(2, "Verse"));

        Assert.Equal(
            $$"""{"0":{"s":{{ItemStatics}},"k":{"0":{"0":"songs-1","1":"Intro"},"1":{"0":"songs-2","1":"Verse"},"kc":2},"stream":["0",[["songs-1",-1,null,false],["songs-2",-1,null,false]],[]]},"s":{{ListStatics}}}""",
            Join());
    }

    [Fact]
    public void Diff_PrependAndDelete_MatchesTheProtocolExample()
    {
        Declare(new Song(1, "Intro"));
        Join();

        StreamInsert("songs", new Song(9, "Outro"), at: 0);
        StreamDelete("songs", new Song(1, "Intro"));

        Assert.Equal("""{"0":{"k":{"0":{"0":"songs-9","1":"Outro"},"kc":1},"stream":["0",[["songs-9",0,null,false]],["songs-1"]]}}""", Diff());
    }

    [Fact]
    public void Diff_NothingStreamed_IsEmpty()
    {
        Declare(new Song(1, "Intro"));
        Join();

        Assert.Equal("{}", Diff());
    }

    [Fact]
    public void Diff_SameItemInsertedAgain_IsSentAgain()
    {
        Declare(new Song(1, "Intro"));
        Join();

        StreamInsert("songs", new Song(1, "Intro"));

        Assert.Equal("""{"0":{"k":{"0":{"0":"songs-1","1":"Intro"},"kc":1},"stream":["0",[["songs-1",-1,null,false]],[]]}}""", Diff());
    }

    [Fact]
    public void Diff_DeleteOnly_SendsNoEntriesAndTheId()
    {
        Declare(new Song(1, "Intro"));
        Join();

        StreamDeleteByDomId("songs", "songs-1");

        Assert.Equal("""{"0":{"k":{"kc":0},"stream":["0",[],["songs-1"]]}}""", Diff());
    }

    [Fact]
    public void Diff_Reset_EndsWithTrue_AndOtherwiseHasNoFourthElement()
    {
        Declare(new Song(1, "Intro"));
        Join();

        Stream("songs", [new Song(2, "Verse")], song => $"songs-{song.Id}", reset: true);
        Assert.Equal("""{"0":{"k":{"0":{"0":"songs-2","1":"Verse"},"kc":1},"stream":["0",[["songs-2",-1,null,false]],[],true]}}""", Diff());

        StreamInsert("songs", new Song(3, "Bridge"));
        Assert.Equal("""{"0":{"k":{"0":{"0":"songs-3","1":"Bridge"},"kc":1},"stream":["0",[["songs-3",-1,null,false]],[]]}}""", Diff());
    }

    [Fact]
    public void Diff_ResetWithNoItems_ClearsTheClient()
    {
        Declare(new Song(1, "Intro"));
        Join();

        Stream("songs", Array.Empty<Song>(), song => $"songs-{song.Id}", reset: true);

        Assert.Equal("""{"0":{"k":{"kc":0},"stream":["0",[],[],true]}}""", Diff());
    }

    [Fact]
    public void Diff_LimitAndUpdateOnly_AreSentPerInsert()
    {
        Declare(new Song(1, "Intro"));
        Join();

        StreamInsert("songs", new Song(2, "Verse"), limit: -2);
        StreamInsert("songs", new Song(1, "Intro (live)"), at: 3, updateOnly: true);

        Assert.Equal(
            """{"0":{"k":{"0":{"0":"songs-2","1":"Verse"},"1":{"0":"songs-1","1":"Intro (live)"},"kc":2},"stream":["0",[["songs-2",-1,-2,false],["songs-1",3,null,true]],[]]}}""",
            Diff());
    }

    [Fact]
    public void Diff_OperationsOnOneId_KeepTheLatestInsertAndDeletesBeforeIt()
    {
        Declare(new Song(1, "Intro"), new Song(2, "Verse"));
        Join();

        StreamInsert("songs", new Song(3, "Bridge"));
        StreamInsert("songs", new Song(3, "Bridge (edit)"), at: 0);
        StreamInsert("songs", new Song(4, "Solo"));
        StreamDelete("songs", new Song(4, "Solo"));
        StreamDelete("songs", new Song(1, "Intro"));
        StreamInsert("songs", new Song(1, "Intro"), at: -1);

        // 3: the later insert wins; 4: inserted then deleted is only a delete; 1: deleted then
        // inserted is both, which the client turns into a move.
        Assert.Equal(
            """{"0":{"k":{"0":{"0":"songs-3","1":"Bridge (edit)"},"1":{"0":"songs-1","1":"Intro"},"kc":2},"stream":["0",[["songs-3",0,null,false],["songs-1",-1,null,false]],["songs-4","songs-1"]]}}""",
            Diff());
    }

    [Fact]
    public void Diff_StreamInsideAListEntry_SendsADeleteTheEntryOtherwiseLacks()
    {
        Rendered Nested() => Html($"<main>{Each([1], key => key, _ => Html($"<section>{Render()}</section>"))}</main>");
        Declare(new Song(1, "Intro"));
        var held = Nested();
        FlushStreams();

        StreamDeleteByDomId("songs", "songs-1");

        Assert.Equal("""{"0":{"k":{"0":{"0":{"0":{"k":{"kc":0},"stream":["0",[],["songs-1"]]}}},"kc":1}}}""", Json.Diff(held, Nested()));
    }

    [Fact]
    public void Join_EmptyStream_SendsAnEmptySlot_ThenTheStaticsWithTheFirstItem()
    {
        Declare();

        Assert.Equal($$"""{"0":"","s":{{ListStatics}}}""", Join());

        StreamInsert("songs", new Song(1, "Intro"));
        Assert.Equal($$$"""{"0":{"s":{{{ItemStatics}}},"k":{"0":{"0":"songs-1","1":"Intro"},"kc":1},"stream":["0",[["songs-1",-1,null,false]],[]]}}""", Diff());
    }

    [Fact]
    public void Refs_CountInDeclarationOrder_AndComponentsPrefixTheirCid()
    {
        Declare();
        Stream("albums", Array.Empty<Song>(), song => $"albums-{song.Id}");
        StreamInsert("albums", new Song(1, "Blue"));
        var component = new SongsComponent { Cid = 7 };
        component.Add(new Song(5, "Coda"));

        Assert.Contains("""
            "stream":["1",[["albums-1",-1,null,false]],[]]
            """, Json.Full(Html($"<div>{StreamEach<Song>("albums", (id, song) => Html($"<p id=\"{id}\">{song.Title}</p>"))}</div>")), StringComparison.Ordinal);
        Assert.Contains("""
            "stream":["7-0",[["songs-5",-1,null,false]],[]]
            """, Json.Full(component.Render()), StringComparison.Ordinal);
    }

    [Fact]
    public void Flush_AfterSending_KeepsNoItemInMemory()
    {
        Declare();
        Join();
        var items = InsertUnreachableItems();

        Diff();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.All(items, item => Assert.False(item.IsAlive));
        var list = Assert.IsType<Comprehension>(_held!.Dynamics[0]);
        Assert.Equal(0, list.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference[] InsertUnreachableItems()
    {
        var songs = Enumerable.Range(1, 100).Select(i => new Song(i, $"Song {i}")).ToArray();
        Stream("songs", songs, song => $"songs-{song.Id}");
        return songs.Select(song => new WeakReference(song)).ToArray();
    }

    [Fact]
    public void Misuse_ThrowsNamingTheViewAndStream()
    {
        var undeclared = Assert.Throws<InvalidOperationException>(() => StreamInsert("songs", new Song(1, "Intro")));
        Assert.Contains("StreamTests: StreamInsert(\"songs\")", undeclared.Message, StringComparison.Ordinal);

        Declare();
        var wrongType = Assert.Throws<InvalidOperationException>(() => StreamInsert("songs", "not a song"));
        Assert.Contains("stream 'songs' holds Song items", wrongType.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamInsert("songs", new Song(1, "Intro"), at: -2));
    }

    [Fact]
    public async Task ClientMerge_JoinThenDiffs_ReportsTheStreamOperationsToThePatcher()
    {
        Declare(new Song(1, "Intro"));
        await _client.JoinAsync("s", Join());
        StreamInsert("songs", new Song(2, "Verse"), at: 0);

        var merged = await _client.SendAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["op"] = "diff",
            ["id"] = "s",
            ["diff"] = System.Text.Json.Nodes.JsonNode.Parse(Diff()),
        });
        StreamDeleteByDomId("songs", "songs-1");
        var deleted = await _client.SendAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["op"] = "diff",
            ["id"] = "s",
            ["diff"] = System.Text.Json.Nodes.JsonNode.Parse(Diff()),
        });

        // The client renders only the newly streamed item, and hands the ops to its DOM patcher.
        Assert.Equal("""<ul id="songs" phx-update="stream"><li id="songs-2">Verse</li></ul>""", merged["html"]!.GetValue<string>());
        Assert.Equal("""[["0",[["songs-2",0,null,false]],[]]]""", merged["streams"]!.ToJsonString());
        Assert.Equal("""<ul id="songs" phx-update="stream"></ul>""", deleted["html"]!.GetValue<string>());
        Assert.Equal("""[["0",[],["songs-1"]]]""", deleted["streams"]!.ToJsonString());
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private sealed class SongsComponent : LiveComponent
    {
        public void Add(Song song)
        {
            Stream("songs", [song], s => $"songs-{s.Id}");
        }

        public override Rendered Render() => Html($"""<ul id="c-songs" phx-update="stream">{StreamEach<Song>("songs", (id, song) => Html($"<li id=\"{id}\">{song.Title}</li>"))}</ul>""");
    }
}
