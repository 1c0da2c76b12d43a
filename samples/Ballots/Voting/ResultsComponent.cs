using Ballots.Data;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Ballots.Voting;

/// <summary>
/// The live results of an election: one bar chart (inline SVG) per ballot. It reads the counts
/// once when it appears; afterwards the page sends it fresh counts with <c>SendUpdate</c> whenever
/// a vote is committed anywhere (PubSub → <c>HandleInfoAsync</c> → <c>SendUpdate</c>).
/// </summary>
public sealed class ResultsComponent(VoteStore store) : LiveComponent
{
    public Election Election { get; set; } = new(0, "", false, []);

    public Tally? Tally { get; set; }

    public override async ValueTask UpdateAsync(object? assigns)
    {
        await base.UpdateAsync(assigns);
        Tally ??= await store.TallyAsync(Election.Id);
    }

    public override Rendered Render() => Html($"""
        <section id="results" class="results" aria-labelledby="results-title">
          <h2 id="results-title">Live results</h2>
          {Each(Election.Ballots, ballot => ballot.Id, BallotResult)}
        </section>
        """);

    private Rendered BallotResult(Ballot ballot)
    {
        var tally = Tally ?? Tally.Empty;
        var total = tally.Total(ballot.Id);
        return Html($"""
            <figure id="results-{ballot.Id}" class="result">
              <figcaption>{ballot.Question} <span id="total-{ballot.Id}" class="total">{total} {(total == 1 ? "vote" : "votes")}</span></figcaption>
              <ul class="bars">
                {Each(ballot.Choices, choice => choice.Id, choice => Bar(choice, tally.Votes(choice.Id), total))}
              </ul>
            </figure>
            """);
    }

    private static Rendered Bar(Choice choice, int votes, int total)
    {
        var percent = total == 0 ? 0.0 : 100.0 * votes / total;
        return Html($"""
            <li class="bar-row">
              <span class="bar-label">{choice.Label}</span>
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{percent:0}%"><rect class="bar-track" width="100" height="10"></rect><rect id="bar-{choice.Id}" class="bar-fill" width="{percent:0.##}" height="10"></rect></svg>
              <span id="count-{choice.Id}" class="bar-count">{votes}</span>
            </li>
            """);
    }
}
