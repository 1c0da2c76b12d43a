using System.Globalization;
using Ballots.Data;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Manage;

/// <summary>
/// The organizer's page of an election: the ballots in the order the URL asks for (a live patch),
/// a tab strip, a rename dialog with a form, and the checklist component. The selected tab, the
/// dialog's open state and the checklist are <c>[Recoverable]</c>; the title typed in the dialog
/// comes back through the client's form recovery, which lands on the dialog because the rejoin
/// renders the restored state. None of it needs a line of recovery code.
/// </summary>
public sealed class ManageElectionLive(VoteStore store) : LiveView
{
    private static readonly (string Key, string Label)[] Tabs =
    [
        ("share", "Share"),
        ("checklist", "Checklist"),
        ("status", "Status"),
    ];

    private Election? _election;
    private string _order = "created";
    private string? _newTitle;
    private string? _renameError;

    [Recoverable]
    public string Tab { get; set; } = "share";

    [Recoverable]
    public bool Renaming { get; set; }

    public override async ValueTask MountAsync(MountContext context)
    {
        if (long.TryParse(context.Params.GetValueOrDefault("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            _election = await store.FindElectionAsync(id);
        }
        PageTitle = _election is null ? "Election not found · Ballots" : $"Manage {_election.Title} · Ballots";
    }

    public override ValueTask HandleParamsAsync(IReadOnlyDictionary<string, string?> parameters, Uri uri)
    {
        _order = parameters.GetValueOrDefault("order") == "az" ? "az" : "created";
        return ValueTask.CompletedTask;
    }

    public override Rendered Render() => Html($"""
        <main class="manage">
          <div id="reconnecting" class="reconnecting" role="status">Reconnecting…</div>
          {(_election is null ? NotFound() : Page(_election))}
        </main>
        """);

    private static Rendered NotFound() => Html($"""
        <section id="not-found"><h1>Election not found</h1><p><a href="/">See all elections</a>.</p></section>
        """);

    private Rendered Page(Election election) => Html($"""
        <nav><a href="/">All elections</a> · <a id="to-voting" href="/elections/{election.Id}">Voting page</a></nav>
        <header class="election-header">
          <h1 id="manage-title">{election.Title}</h1>
          <button id="rename" type="button" class="secondary" phx-click="open_rename">Rename…</button>
        </header>
        {(Renaming ? RenameDialog(election) : null)}
        <section aria-labelledby="ballots-title">
          <h2 id="ballots-title">Ballots</h2>
          <p class="meta">Order:
            <a id="order-created" href="/elections/{election.Id}/manage" data-phx-link="patch" data-phx-link-state="push" {Attr("aria-current", _order == "created" ? "true" : null)}>as created</a> ·
            <a id="order-az" href="/elections/{election.Id}/manage?order=az" data-phx-link="patch" data-phx-link-state="push" {Attr("aria-current", _order == "az" ? "true" : null)}>A–Z</a>
          </p>
          <ol id="manage-ballots">
            {Each(Ordered(election.Ballots), ballot => ballot.Id, ballot => Html($"<li>{ballot.Question} <span class=\"meta\">{ballot.Choices.Count} choices</span></li>"))}
          </ol>
        </section>
        <div id="tabs" class="tabs" role="tablist">
          {Each(Tabs, tab => tab.Key, tab => TabButton(tab.Key, tab.Label))}
        </div>
        <section id="panel-share" class="panel" role="tabpanel" aria-labelledby="tab-share" {Attr("hidden", Tab != "share")}>
          <p>Send the voters this link: <code id="share-link">/elections/{election.Id}</code></p>
        </section>
        <section id="panel-checklist" class="panel" role="tabpanel" aria-labelledby="tab-checklist" {Attr("hidden", Tab != "checklist")}>
          {Component<ChecklistComponent>("checklist")}
        </section>
        <section id="panel-status" class="panel" role="tabpanel" aria-labelledby="tab-status" {Attr("hidden", Tab != "status")}>
          <p>Voting is <strong id="voting-status">{(election.Closed ? "closed" : "open")}</strong>.</p>
          <button id="toggle-closed" type="button" phx-click="toggle_closed">{(election.Closed ? "Reopen voting" : "Close voting")}</button>
        </section>
        """);

    private Rendered TabButton(string key, string label) => Html($"""
        <button id="tab-{key}" type="button" role="tab" phx-click="select_tab" phx-value-tab="{key}" aria-selected="{(Tab == key ? "true" : "false")}">{label}</button>
        """);

    private Rendered RenameDialog(Election election) => Html($"""
        <div id="rename-dialog" class="dialog" role="dialog" aria-modal="true" aria-labelledby="rename-heading">
          <h2 id="rename-heading">Rename the election</h2>
          <form id="rename-form" phx-change="validate_rename" phx-submit="rename">
            <div class="field">
              <label for="new-title">New title</label>
              <input id="new-title" name="title" type="text" value="{_newTitle ?? election.Title}" autocomplete="off" {Attr("aria-invalid", _renameError is null ? null : "true")} aria-describedby="rename-error">
              <p id="rename-error" class="field-error">{_renameError}</p>
            </div>
            <p class="meta">Preview: <span id="rename-preview">{_newTitle ?? election.Title}</span></p>
            <div class="actions">
              <button id="save-title" type="submit">Save</button>
              <button id="cancel-rename" type="button" class="secondary" phx-click="close_rename">Cancel</button>
            </div>
          </form>
        </div>
        """);

    private IEnumerable<Ballot> Ordered(IReadOnlyList<Ballot> ballots) =>
        _order == "az" ? ballots.OrderBy(ballot => ballot.Question, StringComparer.CurrentCultureIgnoreCase) : ballots;

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        switch (name)
        {
            case "select_tab":
                Tab = Tabs.Any(tab => tab.Key == payload.GetString("tab")) ? payload.GetString("tab")! : Tab;
                break;
            case "open_rename":
                Renaming = true;
                _newTitle = null;
                _renameError = null;
                break;
            case "close_rename":
                Renaming = false;
                break;
            case "validate_rename":
                _newTitle = payload.Form?["title"] ?? "";
                _renameError = ElectionRules.CheckTitle(_newTitle);
                break;
            case "rename":
                await RenameAsync(payload.Form?["title"] ?? "");
                break;
            case "toggle_closed" when _election is not null:
                await store.SetClosedAsync(_election.Id, !_election.Closed);
                _election = await store.FindElectionAsync(_election.Id);
                break;
            default:
                await base.HandleEventAsync(name, payload);
                break;
        }
    }

    private async ValueTask RenameAsync(string title)
    {
        _newTitle = title;
        _renameError = ElectionRules.CheckTitle(title);
        if (_renameError is not null || _election is null)
        {
            return;
        }
        await store.RenameElectionAsync(_election.Id, title);
        _election = await store.FindElectionAsync(_election.Id);
        PageTitle = $"Manage {_election!.Title} · Ballots";
        Renaming = false;
        _newTitle = null;
    }
}
