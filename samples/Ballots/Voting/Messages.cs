namespace Ballots.Voting;

/// <summary>The PubSub topics of the app.</summary>
public static class Topics
{
    /// <summary>Every view showing an election: a vote was committed there.</summary>
    public static string Election(long electionId) => $"election:{electionId}";

    /// <summary>Who is viewing an election (presence, not PubSub).</summary>
    public static string ElectionPresence(long electionId) => $"election-presence:{electionId}";

    /// <summary>The elections list: one was created.</summary>
    public const string Elections = "elections";
}

/// <summary>Broadcast after a vote was committed (never before).</summary>
public sealed record VoteCast(long ElectionId, long BallotId);

/// <summary>Broadcast after an election was created.</summary>
public sealed record ElectionCreated(long ElectionId);

/// <summary>A view's own timer: re-read the counts once for a burst of votes.</summary>
internal sealed record RefreshResults
{
    public static readonly RefreshResults Instance = new();
}
