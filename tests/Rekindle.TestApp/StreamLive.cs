using System.Collections.Concurrent;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>
/// A stream of songs over a store that outlives the view (the "database"), one list per
/// <c>?list=</c> value so tests do not share data. The view itself keeps no songs: it streams them
/// on mount and streams each change.
/// </summary>
public sealed class StreamLive : LiveView
{
    private static readonly ConcurrentDictionary<string, Library> s_libraries = new();
    private Library _library = null!;

    public sealed record Song(int Id, string Title);

    /// <summary>The songs of one list, in display order, and how many connected mounts it had.</summary>
    private sealed class Library
    {
        public List<Song> Songs { get; } = [new(1, "One"), new(2, "Two"), new(3, "Three")];

        public int NextId { get; set; } = 4;

        public int ConnectedMounts { get; set; }
    }

    public override ValueTask MountAsync(MountContext context)
    {
        _library = s_libraries.GetOrAdd(context.Params.GetValueOrDefault("list") ?? "default", _ => new Library());
        lock (_library)
        {
            if (context.IsConnected)
            {
                _library.ConnectedMounts++;
            }
            Stream("songs", _library.Songs.ToArray(), DomId);
        }
        return ValueTask.CompletedTask;
    }

    private static string DomId(Song song) => $"songs-{song.Id}";

    public override Rendered Render() => Html($"""
        <section>
          <button id="append" phx-click="append">append</button>
          <button id="prepend" phx-click="prepend">prepend</button>
          <button id="update-first" phx-click="update_first">update first</button>
          <button id="append-limited" phx-click="append_limited">append, keep 3</button>
          <button id="reset" phx-click="reset">reset</button>
          <p>mounts: <span id="mounts">{_library.ConnectedMounts}</span></p>
          <ul id="songs" phx-update="stream">{StreamEach<Song>("songs", (id, song) => Html($"<li id=\"{id}\"><span class=\"title\">{song.Title}</span> <button class=\"delete\" phx-click=\"delete\" phx-value-id=\"{id}\">delete</button></li>"))}</ul>
          {Component<PlaylistComponent>("playlist")}
        </section>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        lock (_library)
        {
            var songs = _library.Songs;
            switch (name)
            {
                case "append":
                    var appended = NewSong();
                    songs.Add(appended);
                    StreamInsert("songs", appended);
                    break;
                case "prepend":
                    var prepended = NewSong();
                    songs.Insert(0, prepended);
                    StreamInsert("songs", prepended, at: 0);
                    break;
                case "update_first" when songs.Count > 0:
                    songs[0] = songs[0] with { Title = songs[0].Title + " (edited)" };
                    StreamInsert("songs", songs[0]);
                    break;
                case "append_limited":
                    var limited = NewSong();
                    songs.Add(limited);
                    songs.RemoveRange(0, Math.Max(0, songs.Count - 3));
                    StreamInsert("songs", limited, limit: -3);
                    break;
                case "delete" when payload.GetString("id") is { } id:
                    songs.RemoveAll(song => DomId(song) == id);
                    StreamDeleteByDomId("songs", id);
                    break;
                case "reset":
                    songs.Clear();
                    songs.Add(NewSong());
                    songs.Add(NewSong());
                    Stream("songs", songs.ToArray(), DomId, reset: true);
                    break;
                case "update_first" or "delete":
                    break;
                default:
                    return base.HandleEventAsync(name, payload);
            }
        }
        return ValueTask.CompletedTask;
    }

    private Song NewSong()
    {
        var id = _library.NextId++;
        return new Song(id, $"Song {id}");
    }
}
