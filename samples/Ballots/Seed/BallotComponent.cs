using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Seed;

/// <summary>One ballot of the seed page: an in-progress selection (a recovered form) and a submitted one.</summary>
public sealed class BallotComponent : LiveComponent
{
    public SeedBallot Ballot { get; set; } = new("", "", []);

    public string? Submitted { get; set; }

    public string Selected { get; private set; } = "";

    public int Recoveries { get; private set; }

    public override Rendered Render() => Html($"""
        <div id="ballot-box-{Ballot.Id}" class="ballot" data-recoveries="{Recoveries}">
          <h3>{Ballot.Question}</h3>
          <form id="ballot-{Ballot.Id}" phx-change="change_event" phx-submit="submit" phx-auto-recover="handle_recovery" phx-target="{Myself}">
            {Each(Ballot.Choices, choice => choice, Choice)}
            <button id="submit-{Ballot.Id}" type="submit">Submit</button>
          </form>
          <p id="selected-{Ballot.Id}">{Selected}</p>
          <p id="submitted-{Ballot.Id}">{(Submitted is null ? "" : $"submitted: {Submitted}")}</p>
        </div>
        """);

    private Rendered Choice(string choice) =>
        Html($"""<label><input type="radio" id="{Ballot.Id}-{choice}" name="choice" value="{choice}" {Attr("checked", choice == Selected)}> {choice}</label>""");

    public override ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "change_event":
                Selected = payload.Form?["choice"] ?? "";
                break;
            case "handle_recovery":
                Selected = payload.Form?["choice"] ?? "";
                Recoveries++;
                break;
            case "submit":
                Submitted = payload.Form?["choice"];
                if (Submitted is not null)
                {
                    PushEvent("selection_submitted", new { ballot = Ballot.Id, choice = Submitted });
                }
                break;
            case "peek":
                // A hook's pushEventTo(this component, "peek") gets the component's state as its reply.
                Reply(new { ballot = Ballot.Id, selected = Selected, submitted = Submitted });
                break;
            default:
                return base.HandleEventAsync(name, payload);
        }
        return ValueTask.CompletedTask;
    }
}
