using System.Data.Common;
using System.Globalization;
using Ballots.Data;
using Rekindle.PubSub;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Voting;

/// <summary>
/// One ballot of an election page: a form whose radio selection is tracked as the voter clicks
/// (<c>phx-change</c>), recovered by the client after a reconnect (<c>phx-auto-recover</c>), and
/// submitted to the <see cref="VoteStore"/> (<c>phx-submit</c>). Once submitted it shows
/// "submitted: choice" and a button to change the vote, which opens the form again.
/// </summary>
/// <remarks>
/// The submitted choice comes from the parent (read from the database), as the design note advises
/// for state a parent holds; the in-progress part — <see cref="Selected"/> and <see cref="Editing"/>
/// — is the component's own, and the two subclasses differ only in whether it is <c>[Recoverable]</c>.
/// </remarks>
public abstract class BallotComponentBase(VoteStore store, IPubSub pubSub, ILogger logger) : LiveComponent
{
    public Ballot Ballot { get; set; } = new(0, "", []);

    public long ElectionId { get; set; }

    /// <summary>The voter, or <see langword="null"/> when this visitor may only watch.</summary>
    public string? Voter { get; set; }

    /// <summary>The voter's committed choice on this ballot.</summary>
    public long? Submitted { get; set; }

    public bool Closed { get; set; }

    /// <summary>The radio the voter has picked and not submitted yet (or the submitted one).</summary>
    protected abstract long? Selected { get; set; }

    /// <summary>Whether the voter reopened a submitted ballot to change the vote.</summary>
    protected abstract bool Editing { get; set; }

    private string? _message;
    private bool _messageIsError;
    private int _recoveries;

    private string Key => Ballot.Id.ToString(CultureInfo.InvariantCulture);

    private bool ShowsForm => Voter is not null && !Closed && (Submitted is null || Editing);

    public override Rendered Render() => Html($"""
        <section id="ballot-box-{Key}" class="ballot{(Submitted is null ? "" : " is-submitted")}" aria-labelledby="question-{Key}" data-recoveries="{_recoveries}">
          <h2 id="question-{Key}">{Ballot.Question}</h2>
          <p id="submitted-{Key}" class="submitted">{SubmittedText()}</p>
          {Body()}
          <p id="message-{Key}" class="message{(_messageIsError ? " is-error" : "")}" role="status">{_message}</p>
        </section>
        """);

    private string SubmittedText() =>
        Submitted is { } id ? $"submitted: {Ballot.FindChoice(id)?.Label ?? "(a removed choice)"}" : "";

    private Rendered Body()
    {
        if (Closed)
        {
            return Html($"""<p class="note">Voting has closed.</p>""");
        }
        if (Voter is null)
        {
            return Html($"""<p class="note">Sign in to vote.</p>""");
        }
        if (!ShowsForm)
        {
            return Html($"""<button id="change-{Key}" type="button" class="secondary" phx-click="edit" phx-target="{Myself}">Change my vote</button>""");
        }
        return Html($"""
            <form id="ballot-{Key}" class="ballot-form" phx-change="select" phx-submit="submit" phx-auto-recover="recover" phx-target="{Myself}">
              <fieldset aria-labelledby="question-{Key}">
                {Each(Ballot.Choices, choice => choice.Id, ChoiceInput)}
              </fieldset>
              <div class="actions">
                <button id="submit-{Key}" type="submit" phx-disable-with="Submitting…">{(Editing ? "Submit change" : "Submit vote")}</button>
                {(Editing ? CancelButton() : null)}
              </div>
            </form>
            """);
    }

    private Rendered CancelButton() =>
        Html($"""<button id="cancel-{Key}" type="button" class="secondary" phx-click="cancel" phx-target="{Myself}">Keep my vote</button>""");

    private Rendered ChoiceInput(Choice choice) => Html($"""
        <label class="choice"><input type="radio" id="choice-{choice.Id}" name="choice" value="{choice.Id}" {Attr("checked", choice.Id == Selected)}> <span>{choice.Label}</span></label>
        """);

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "select":
                Selected = ChoiceOf(payload);
                _message = null;
                break;
            case "recover":
                // The client sends the form as the page showed it before the socket dropped.
                Selected = ChoiceOf(payload);
                _recoveries++;
                break;
            case "edit":
                Editing = true;
                Selected = Submitted;
                _message = null;
                break;
            case "cancel":
                Editing = false;
                Selected = Submitted;
                _message = null;
                break;
            case "submit":
                await SubmitAsync(payload.Form?["choice"]);
                break;
            default:
                await base.HandleEventAsync(name, payload);
                break;
        }
    }

    /// <summary>Called after a vote was committed; the manual variant stashes it in the page.</summary>
    protected virtual void OnSubmitted(long choiceId)
    {
    }

    private long? ChoiceOf(EventPayload payload) =>
        long.TryParse(payload.Form?["choice"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Ballot.FindChoice(id) is not null ? id : null;

    private async ValueTask SubmitAsync(string? rawChoice)
    {
        if (Voter is null)
        {
            Fail("Sign in to vote. Nothing was recorded.");
            return;
        }
        if (string.IsNullOrEmpty(rawChoice))
        {
            Fail("Pick a choice first.");
            return;
        }
        if (!long.TryParse(rawChoice, NumberStyles.None, CultureInfo.InvariantCulture, out var choiceId) || Ballot.FindChoice(choiceId) is null)
        {
            Fail("That choice is not on this ballot. Nothing was recorded.");
            return;
        }
        VoteOutcome outcome;
        try
        {
            outcome = await store.SubmitVoteAsync(Voter, ElectionId, Ballot.Id, choiceId);
        }
        catch (DbException exception)
        {
            logger.LogWarning(exception, "Vote on ballot {Ballot} not saved.", Ballot.Id);
            Fail("Your vote could not be saved (the database is busy). Nothing was recorded; please submit again.");
            return;
        }
        switch (outcome)
        {
            case VoteOutcome.Recorded or VoteOutcome.Replaced:
                // Committed: only now does the page say so.
                Submitted = choiceId;
                Selected = choiceId;
                Editing = false;
                _message = outcome == VoteOutcome.Replaced ? "Vote changed." : "Vote recorded.";
                _messageIsError = false;
                OnSubmitted(choiceId);
                await pubSub.BroadcastAsync(Topics.Election(ElectionId), new VoteCast(ElectionId, Ballot.Id));
                break;
            case VoteOutcome.ElectionClosed:
                Fail("Voting has closed. Nothing was recorded.");
                break;
            case VoteOutcome.UnknownElection:
                Fail("This election no longer exists. Nothing was recorded.");
                break;
            case VoteOutcome.BallotNotInElection:
                Fail("This ballot is not part of this election. Nothing was recorded.");
                break;
            default:
                Fail("That choice is not on this ballot. Nothing was recorded.");
                break;
        }
    }

    private void Fail(string message)
    {
        _message = message;
        _messageIsError = true;
    }
}

/// <summary>
/// The ballot of the default, automatic mode: the in-progress selection and the "changing my vote"
/// state are <c>[Recoverable]</c>, so they come back after a dropped socket or a restart even when
/// the form was not on the page the server renders first.
/// </summary>
public sealed class BallotComponent(VoteStore store, IPubSub pubSub, ILogger<BallotComponent> logger)
    : BallotComponentBase(store, pubSub, logger)
{
    [Recoverable]
    protected override long? Selected { get; set; }

    [Recoverable]
    protected override bool Editing { get; set; }
}

/// <summary>
/// The ballot of the manual mode (<c>--Recovery:Mode=Manual</c>): no recoverable state. The
/// in-progress selection comes back only through the client's form recovery, and each committed
/// vote is pushed to the page, where the state recovery hook stashes it for the next reconnect.
/// </summary>
public sealed class ManualBallotComponent(VoteStore store, IPubSub pubSub, ILogger<ManualBallotComponent> logger)
    : BallotComponentBase(store, pubSub, logger)
{
    protected override long? Selected { get; set; }

    protected override bool Editing { get; set; }

    protected override void OnSubmitted(long choiceId) =>
        PushEvent("ballots:submitted", new { ballot = Ballot.Id.ToString(CultureInfo.InvariantCulture), choice = choiceId.ToString(CultureInfo.InvariantCulture) });
}
