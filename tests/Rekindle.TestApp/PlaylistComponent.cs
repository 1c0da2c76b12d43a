using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A component with its own stream (refs "&lt;cid&gt;-0"), patched by component-only diffs.</summary>
public sealed class PlaylistComponent : LiveComponent
{
    private int _nextTrack = 2;

    public sealed record Track(int Number);

    public override ValueTask MountAsync()
    {
        Stream("tracks", [new Track(1)], track => $"tracks-{track.Number}");
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <div id="playlist">
          <button id="add-track" phx-click="add" phx-target="{Myself}">add track</button>
          <ol id="tracks" phx-update="stream">{StreamEach<Track>("tracks", (id, track) => Html($"<li id=\"{id}\">Track {track.Number}</li>"))}</ol>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "add")
        {
            return base.HandleEventAsync(name, payload);
        }
        StreamInsert("tracks", new Track(_nextTrack++), at: 0);
        return ValueTask.CompletedTask;
    }
}
