using System.Globalization;
using System.Text.Json;
using Rekindle.Rendering;
using Rekindle.Views;
using Ballots.Data;

namespace Ballots.Voting;

/// <summary>
/// The election page in manual mode (<c>--Recovery:Mode=Manual</c>), written the way the design
/// note does it, with no <c>[Recoverable]</c> state: a hook element whose
/// <c>BallotStateRecoveryHook</c> stashes each submitted selection (pushed by
/// <see cref="ManualBallotComponent"/>) and, in <c>reconnected</c>, pushes the stash back as
/// <c>restore_saved_state</c>; this view checks it against the database and sends each ballot its
/// submission with <c>SendUpdate</c>. In-progress selections come back only through the client's
/// form recovery (<c>phx-auto-recover</c>), so only for forms the fresh render contains.
/// </summary>
public sealed class ManualElectionLive(VoteStore store, IVoterIdentity identity, TimeProvider time) : ElectionPage<ManualBallotComponent>(store, identity, time)
{
    private int _restored;

    protected override string ModeName => "manual";

    protected override Rendered? RecoveryHook() => Html($"""
        <div id="state-recovery" phx-hook="BallotStateRecoveryHook" data-restored="{_restored}" hidden></div>
        """);

    public override async ValueTask HandleEventAsync(string name, EventPayload payload)
    {
        if (name != "restore_saved_state")
        {
            await base.HandleEventAsync(name, payload);
            return;
        }
        Reply(new { restored = await RestoreAsync(payload.Value) });
    }

    /// <summary>
    /// The stash is the browser's word, so it only says which ballots to rebuild: ballots of other
    /// elections and choices of other ballots are ignored, and each ballot gets the choice the
    /// database holds (the vote was committed before the page said "submitted").
    /// </summary>
    private async ValueTask<int> RestoreAsync(JsonElement value)
    {
        if (Election is null || Voter is null
            || value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("saved", out var saved) || saved.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }
        MyVotes = await Store.VotesOfAsync(Voter, Election.Id);
        var restored = 0;
        foreach (var entry in saved.EnumerateObject().Take(Election.Ballots.Count))
        {
            if (!long.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var ballotId)
                || Election.FindBallot(ballotId) is not { } ballot
                || !TryReadId(entry.Value, out var choiceId)
                || ballot.FindChoice(choiceId) is null)
            {
                continue;
            }
            var committed = MyVotes.TryGetValue(ballotId, out var choice) ? choice : (long?)null;
            SendUpdate<ManualBallotComponent>(ballotId.ToString(CultureInfo.InvariantCulture), new { Submitted = committed });
            if (committed == choiceId)
            {
                restored++;
            }
        }
        _restored += restored;
        return restored;
    }

    private static bool TryReadId(JsonElement value, out long id)
    {
        id = 0;
        return value.ValueKind switch
        {
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            JsonValueKind.Number => value.TryGetInt64(out id),
            _ => false,
        };
    }
}
