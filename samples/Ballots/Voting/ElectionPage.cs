using System.Globalization;
using Ballots.Data;
using Rekindle.PubSub;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Voting;

/// <summary>
/// The election page, shared by both recovery modes: one <typeparamref name="TBallot"/> component per
/// ballot and the live results. It subscribes to the election's topic; each committed vote (from any
/// viewer) schedules one re-read of the counts, sent to the results with <c>SendUpdate</c>, and of
/// this voter's own submissions, which flow to the ballots as assigns. Once connected, the page also
/// tracks itself on the election's presence topic and shows its <see cref="Audience"/> live.
/// </summary>
public abstract class ElectionPage<TBallot>(VoteStore store, IVoterIdentity identity, TimeProvider time) : LiveView
    where TBallot : BallotComponentBase
{
    /// <summary>A burst of votes within this window costs one read of the counts.</summary>
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(50);

    private string _requestedId = "";
    private bool _refreshScheduled;
    private IPresenceTracking? _presence;
    private Audience _audience = Audience.None;

    protected VoteStore Store { get; } = store;

    protected Election? Election { get; private set; }

    protected string? Voter { get; private set; }

    /// <summary>This voter's committed choices: ballot id → choice id.</summary>
    protected IReadOnlyDictionary<long, long> MyVotes { get; set; } = new Dictionary<long, long>();

    /// <summary>"automatic" or "manual", shown on the page.</summary>
    protected abstract string ModeName { get; }

    /// <summary>Markup the mode adds to the page (the manual mode's hook element), or <see langword="null"/>.</summary>
    protected virtual Rendered? RecoveryHook() => null;

    /// <summary>Markup the mode adds under the results, or <see langword="null"/>.</summary>
    protected virtual Rendered? ResultsNote() => null;

    public override async ValueTask MountAsync(MountContext context)
    {
        Voter = identity.VoterId(context);
        _requestedId = context.Params.GetValueOrDefault("id") ?? "";
        if (long.TryParse(_requestedId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Election = await Store.FindElectionAsync(id);
        }
        if (Election is null)
        {
            PageTitle = "Election not found · Ballots";
            return;
        }
        PageTitle = $"{Election.Title} · Ballots";
        if (Voter is not null)
        {
            MyVotes = await Store.VotesOfAsync(Voter, Election.Id);
        }
        Subscribe(Topics.Election(Election.Id));
        if (IsConnected)
        {
            var topic = Topics.ElectionPresence(Election.Id);
            SubscribePresence(topic);
            _presence = TrackPresence(topic, Audience.Key(Voter), Audience.Meta(Voter, votedAt: null));
            _audience = Audience.From(ListPresence(topic));
        }
    }

    public override Rendered Render() => Html($"""
        <main class="election" data-recovery="{ModeName}">
          <div id="reconnecting" class="reconnecting" role="status">Reconnecting…</div>
          <nav><a href="/">All elections</a></nav>
          {(Election is null ? NotFound() : Page(Election))}
        </main>
        """);

    private Rendered NotFound() => Html($"""
        <section id="not-found">
          <h1>Election not found</h1>
          <p>There is no election “{_requestedId}”. <a href="/">See all elections</a>.</p>
        </section>
        """);

    private Rendered Page(Election election) => Html($"""
        <header class="election-header">
          <h1 id="election-title">{election.Title}</h1>
          <p class="meta"><span id="election-status">{(election.Closed ? "Closed" : "Open")}</span> · {election.Ballots.Count} ballots · recovery: <span id="recovery-mode">{ModeName}</span> · <a id="to-manage" href="/elections/{election.Id}/manage">Manage</a></p>
          {(IsConnected ? AudienceLine() : null)}
        </header>
        {RecoveryHook()}
        <div class="election-layout">
          <div class="ballots">
            {Each(election.Ballots, ballot => ballot.Id, ballot => BallotSlot(election, ballot))}
          </div>
          <div class="results-column">
            {Component<ResultsComponent>("results", new { Election = election })}
            {ResultsNote()}
          </div>
        </div>
        """);

    private Rendered AudienceLine() => Html($"""
        <p id="audience" class="meta"><span id="viewer-count">{_audience.Viewers}</span> viewing now · voted while here: <span id="recent-voters">{(_audience.RecentVoters.Count == 0 ? "nobody yet" : string.Join(", ", _audience.RecentVoters))}</span></p>
        """);

    private Rendered BallotSlot(Election election, Ballot ballot)
    {
        var assigns = new
        {
            Ballot = ballot,
            ElectionId = election.Id,
            Voter,
            Submitted = MyVotes.TryGetValue(ballot.Id, out var choice) ? choice : (long?)null,
            Closed = election.Closed,
        };
        return Html($"{Component<TBallot>(ballot.Id.ToString(CultureInfo.InvariantCulture), assigns)}");
    }

    public override async ValueTask HandleInfoAsync(object message)
    {
        switch (message)
        {
            case VoteCast cast when Election is not null && cast.ElectionId == Election.Id && !_refreshScheduled:
                _refreshScheduled = true;
                SendAfter(RefreshResults.Instance, RefreshDelay);
                break;
            case RefreshResults:
                _refreshScheduled = false;
                await RefreshAsync();
                break;
            case PresenceDiff diff when Election is not null && diff.Topic == Topics.ElectionPresence(Election.Id):
                _audience = Audience.From(ListPresence(diff.Topic));
                break;
        }
    }

    /// <summary>Re-reads the counts and this voter's submissions from the database.</summary>
    protected async ValueTask RefreshAsync()
    {
        if (Election is null)
        {
            return;
        }
        SendUpdate<ResultsComponent>("results", new { Tally = await Store.TallyAsync(Election.Id) });
        if (Voter is not null)
        {
            var before = MyVotes;
            MyVotes = await Store.VotesOfAsync(Voter, Election.Id);
            if (!SameVotes(before, MyVotes))
            {
                _presence?.Update(Audience.Meta(Voter, time.GetUtcNow()));
            }
        }
    }

    private static bool SameVotes(IReadOnlyDictionary<long, long> a, IReadOnlyDictionary<long, long> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var choice) && choice == pair.Value);
}

/// <summary>
/// The election page in the default, automatic mode: no hook, no recovery code. The ballots'
/// in-progress state is <c>[Recoverable]</c> (<see cref="BallotComponent"/>); submitted votes come
/// from the database on every mount. The count of votes cast since the page was opened exists
/// nowhere else: it comes back from the snapshot, and the votes cast while the page was away
/// (a dropped socket, a restart, a dead node) are replayed from the election topic's log.
/// </summary>
public sealed class ElectionLive(VoteStore store, IVoterIdentity identity, TimeProvider time) : ElectionPage<BallotComponent>(store, identity, time)
{
    protected override string ModeName => "automatic";

    [Recoverable]
    public int VotesSinceOpened { get; set; }

    /// <summary>Set when votes cast while away could not all be replayed: the count is then a lower bound.</summary>
    [Recoverable]
    public bool MissedSomeVotes { get; set; }

    public override ValueTask OnRestoredAsync(Restoration restoration)
    {
        MissedSomeVotes |= restoration.LostTopics.Count > 0;
        return ValueTask.CompletedTask;
    }

    public override ValueTask HandleInfoAsync(object message)
    {
        if (message is VoteCast cast && cast.ElectionId == Election?.Id)
        {
            VotesSinceOpened++;
        }
        return base.HandleInfoAsync(message);
    }

    protected override Rendered? ResultsNote() => Html($"""
        <p id="votes-since" class="meta">{VotesSinceOpened}{(MissedSomeVotes ? "+" : "")} {(VotesSinceOpened == 1 ? "vote" : "votes")} cast since you opened this page</p>
        """);
}
