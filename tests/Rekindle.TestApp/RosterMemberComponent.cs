using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp;

/// <summary>A roster member: a note kept by form recovery and votes kept by a [Recoverable] member, each per instance.</summary>
public sealed class RosterMemberComponent : LiveComponent
{
    [Recoverable]
    public int Votes { get; set; }

    public string Note { get; private set; } = "";

    public override Rendered Render() => Html($"""
        <div id="box-{Id}">
          <form id="note-form-{Id}" phx-change="note_changed" phx-target="{Myself}">
            <input id="note-{Id}" type="text" name="note" value="{Note}">
          </form>
          <p id="note-echo-{Id}">{Note}</p>
          <button id="vote-{Id}" phx-click="vote" phx-target="{Myself}">vote</button>
          <p id="votes-{Id}">{Votes}</p>
        </div>
        """);

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "note_changed":
                Note = payload.Form?["note"] ?? "";
                break;
            case "vote":
                Votes++;
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
