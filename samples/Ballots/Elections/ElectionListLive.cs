using System.Globalization;
using Ballots.Data;
using Ballots.Voting;
using Rekindle.PubSub;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Elections;

/// <summary>
/// The home page: the elections (live: one created anywhere appears here) and a form to create
/// one, validated as the user types (<c>phx-change</c>) with a message under each field the user
/// has touched, and under every field after a submit that failed.
/// </summary>
public sealed class ElectionListLive(VoteStore store, IPubSub pubSub) : LiveView
{
    private IReadOnlyList<ElectionSummary> _elections = [];
    private ElectionDraft _draft = ElectionDraft.Empty(0);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private Dictionary<string, string> _errors = [];
    private bool _showAllErrors;
    private string? _formError;
    private (long Id, string Title)? _created;

    /// <summary>Bumped after each creation so the title input is a new element (a focused input keeps what the user typed otherwise).</summary>
    private int _generation;

    public override async ValueTask MountAsync(MountContext context)
    {
        PageTitle = "Ballots";
        _elections = await store.ListElectionsAsync();
        Subscribe(Topics.Elections);
    }

    public override Rendered Render() => Html($"""
        <main class="elections">
          <div id="reconnecting" class="reconnecting" role="status">Reconnecting…</div>
          <h1>Ballots</h1>
          <section aria-labelledby="list-title">
            <h2 id="list-title">Elections</h2>
            <ul id="elections" class="election-list">
              {Each(_elections, election => election.Id, Row)}
            </ul>
          </section>
          <section aria-labelledby="create-title">
            <h2 id="create-title">Create an election</h2>
            {(_created is { } created ? Created(created.Id, created.Title) : null)}
            <form id="create-election" class="create-election" phx-change="validate" phx-submit="create" novalidate>
              <p id="form-error" class="form-error" role="alert">{_formError}</p>
              <div class="field">
                <label for="title-{_generation}">Title</label>
                <input id="title-{_generation}" name="title" type="text" value="{_draft.Title}" autocomplete="off" {Invalid("title")} aria-describedby="title-error">
                <p id="title-error" class="field-error">{Error("title")}</p>
              </div>
              {Each(_draft.Ballots.Select((ballot, index) => (ballot, index)), pair => pair.ballot.Key, pair => BallotFields(pair.ballot, pair.index))}
              <p id="ballots-error" class="field-error">{Error("ballots")}</p>
              <div class="actions">
                <button id="add-ballot" type="button" class="secondary" phx-click="add_ballot" {Attr("disabled", !_draft.CanAdd)}>Add a ballot</button>
                <button id="create" type="submit" phx-disable-with="Creating…">Create election</button>
              </div>
            </form>
          </section>
        </main>
        """);

    private static Rendered Row(ElectionSummary election) => Html($"""
        <li id="election-{election.Id}"><a href="/elections/{election.Id}">{election.Title}</a> <span class="meta">{election.BallotCount} ballots · {election.VoterCount} {(election.VoterCount == 1 ? "voter" : "voters")}{(election.Closed ? " · closed" : "")}</span></li>
        """);

    private static Rendered Created(long id, string title) => Html($"""
        <p id="created" class="notice" role="status">Created <a href="/elections/{id}">{title}</a>. Share the link to collect votes.</p>
        """);

    private Rendered BallotFields(BallotDraft ballot, int index) => Html($"""
        <fieldset id="new-ballot-{ballot.Key}" class="new-ballot">
          <legend>Ballot {index + 1}</legend>
          <div class="field">
            <label for="new-question-{ballot.Key}">Question</label>
            <input id="new-question-{ballot.Key}" name="{ballot.QuestionField}" type="text" value="{ballot.Question}" autocomplete="off" {Invalid(ballot.QuestionField)} aria-describedby="new-question-{ballot.Key}-error">
            <p id="new-question-{ballot.Key}-error" class="field-error">{Error(ballot.QuestionField)}</p>
          </div>
          <div class="field">
            <label for="new-choices-{ballot.Key}">Choices, one per line ({ElectionRules.MinChoices} to {ElectionRules.MaxChoices})</label>
            <textarea id="new-choices-{ballot.Key}" name="{ballot.ChoicesField}" rows="4" {Invalid(ballot.ChoicesField)} aria-describedby="new-choices-{ballot.Key}-error">{ballot.Choices}</textarea>
            <p id="new-choices-{ballot.Key}-error" class="field-error">{Error(ballot.ChoicesField)}</p>
          </div>
          {(_draft.Ballots.Count > 1 ? RemoveButton(ballot.Key, index) : null)}
        </fieldset>
        """);

    private static Rendered RemoveButton(int key, int index) => Html($"""
        <button id="remove-ballot-{key}" type="button" class="secondary" phx-click="remove_ballot" phx-value-key="{key}">Remove ballot {index + 1}</button>
        """);

    /// <summary>A field's message, once the user touched the field or tried to submit.</summary>
    private string? Error(string field) =>
        (_showAllErrors || _touched.Contains(field) || field == "ballots") && _errors.TryGetValue(field, out var message) ? message : null;

    private TagAttribute Invalid(string field) => Attr("aria-invalid", Error(field) is null ? null : "true");

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "validate":
                ReadForm(payload.Form);
                break;
            case "add_ballot":
                _draft.Add();
                _errors = _draft.Errors();
                break;
            case "remove_ballot":
                if (int.TryParse(payload.GetString("key"), NumberStyles.None, CultureInfo.InvariantCulture, out var key))
                {
                    _draft.Remove(key);
                    _errors = _draft.Errors();
                }
                break;
            case "create":
                ReadForm(payload.Form);
                await CreateAsync();
                break;
            default:
                await base.HandleEventAsync(name, payload);
                break;
        }
    }

    public override async ValueTask HandleInfoAsync(object message)
    {
        if (message is ElectionCreated)
        {
            _elections = await store.ListElectionsAsync();
        }
    }

    private void ReadForm(FormData? form)
    {
        if (form is null)
        {
            return;
        }
        _draft = ElectionDraft.FromForm(form, _draft.NextKey);
        foreach (var field in form.Names)
        {
            if (!form.IsUnused(field))
            {
                _touched.Add(field);
            }
        }
        _errors = _draft.Errors();
        _formError = _showAllErrors && _errors.Count > 0 ? _formError : null;
    }

    private async ValueTask CreateAsync()
    {
        if (_errors.Count > 0)
        {
            _showAllErrors = true;
            _formError = _errors.Count == 1 ? "Fix the field marked below; nothing was created." : $"Fix the {_errors.Count} fields marked below; nothing was created.";
            return;
        }
        var election = _draft.ToElection();
        long id;
        try
        {
            id = await store.CreateElectionAsync(election);
        }
        catch (ArgumentException exception)
        {
            _formError = exception.Message;
            return;
        }
        _created = (id, election.Title);
        _draft = ElectionDraft.Empty(_draft.NextKey);
        _touched.Clear();
        _errors = [];
        _showAllErrors = false;
        _formError = null;
        _generation++;
        _elections = await store.ListElectionsAsync();
        await pubSub.BroadcastAsync(Topics.Elections, new ElectionCreated(id));
    }
}
