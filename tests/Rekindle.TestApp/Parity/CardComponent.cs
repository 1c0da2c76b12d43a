using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A stream item of <see cref="CardStreamLive"/>: counts its clicks and resets its own stream of notes.</summary>
public sealed class CardComponent : LiveComponent
{
    private int _clicks;
    private int _nextNote = 2;

    public int Number { get; set; }

    public sealed record Note(int Id);

    public override ValueTask MountAsync()
    {
        Stream("notes", [new Note(1)], NoteDomId);
        return ValueTask.CompletedTask;
    }

    // Id (the stream item's DOM id) is set before MountAsync; Number only arrives with UpdateAsync.
    private string NoteDomId(Note note) => $"{Id}-note-{note.Id}";

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "click":
                _clicks++;
                break;
            case "reset_notes":
                var note = new Note(_nextNote++);
                Stream("notes", [note], NoteDomId, reset: true);
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <section class="card">
          <button class="click" phx-click="click" phx-target="{Myself}">card {Number} clicks {_clicks}</button>
          <button class="reset" phx-click="reset_notes" phx-target="{Myself}">reset notes</button>
          <ul id="{Id}-notes" phx-update="stream">{StreamEach<Note>("notes", (id, note) => Html($"<li id=\"{id}\">note {note.Id}</li>"))}</ul>
        </section>
        """);
}
