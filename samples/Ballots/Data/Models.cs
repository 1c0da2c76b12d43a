namespace Ballots.Data;

/// <summary>One answer a voter can pick on a ballot.</summary>
public sealed record Choice(long Id, string Label);

/// <summary>A question of an election with its 2–8 choices, in display order.</summary>
public sealed record Ballot(long Id, string Question, IReadOnlyList<Choice> Choices)
{
    public Choice? FindChoice(long choiceId)
    {
        foreach (var choice in Choices)
        {
            if (choice.Id == choiceId)
            {
                return choice;
            }
        }
        return null;
    }
}

/// <summary>An election: a title and its ballots. A closed election shows its results but takes no votes.</summary>
public sealed record Election(long Id, string Title, bool Closed, IReadOnlyList<Ballot> Ballots)
{
    public Ballot? FindBallot(long ballotId)
    {
        foreach (var ballot in Ballots)
        {
            if (ballot.Id == ballotId)
            {
                return ballot;
            }
        }
        return null;
    }
}

/// <summary>A line of the elections list.</summary>
public sealed record ElectionSummary(long Id, string Title, bool Closed, int BallotCount, int VoterCount);

/// <summary>What to create: a title and its ballots (question + choice labels), already validated by <see cref="ElectionRules"/>.</summary>
public sealed record NewElection(string Title, IReadOnlyList<NewBallot> Ballots);

public sealed record NewBallot(string Question, IReadOnlyList<string> Choices);

/// <summary>The outcome of a vote submission. Only <see cref="Recorded"/> and <see cref="Replaced"/> wrote anything.</summary>
public enum VoteOutcome
{
    /// <summary>A first vote on this ballot by this voter, committed.</summary>
    Recorded,

    /// <summary>The voter's earlier vote on this ballot was replaced, committed.</summary>
    Replaced,

    UnknownElection,
    BallotNotInElection,
    ChoiceNotOnBallot,
    ElectionClosed,
}

/// <summary>Vote counts of one election: per choice, and distinct voters per ballot.</summary>
public sealed class Tally
{
    public static readonly Tally Empty = new(new Dictionary<long, int>(), new Dictionary<long, int>());

    public Tally(IReadOnlyDictionary<long, int> byChoice, IReadOnlyDictionary<long, int> byBallot)
    {
        ByChoice = byChoice;
        ByBallot = byBallot;
    }

    public IReadOnlyDictionary<long, int> ByChoice { get; }

    public IReadOnlyDictionary<long, int> ByBallot { get; }

    public int Votes(long choiceId) => ByChoice.GetValueOrDefault(choiceId);

    public int Total(long ballotId) => ByBallot.GetValueOrDefault(ballotId);
}
