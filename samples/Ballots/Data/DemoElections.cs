using System.Data.Common;

namespace Ballots.Data;

/// <summary>What a fresh database starts with: an open election to vote in, and a closed one with results.</summary>
internal static class DemoElections
{
    public static readonly NewElection Community = new("Rekindle community poll",
    [
        new("Which feature should come next?", ["Live uploads", "Streams", "Presence", "JS commands"]),
        new("Where should the next meetup be?", ["Berlin", "Lisbon", "Montréal"]),
        new("Which meetup format do you prefer?", ["In person", "Online"]),
        new("Best snack for a long hack night?", ["Pizza", "Sushi", "Tacos", "Dumplings", "Fruit", "Popcorn"]),
    ]);

    public static readonly NewElection Picnic = new("Team picnic (closed)",
    [
        new("Which park?", ["Riverside", "Hilltop", "Old harbour"]),
        new("Which Saturday?", ["June 7", "June 14"]),
    ]);

    public static void Seed(DbConnection connection, DbTransaction transaction)
    {
        VoteStore.Insert(connection, transaction, Community, closed: false);
        var picnic = VoteStore.Insert(connection, transaction, Picnic, closed: true);
        // A few past votes so the closed election has results to show.
        var choicesByBallot = new List<List<long>>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = """
                SELECT b.id, c.id FROM ballots b JOIN choices c ON c.ballot_id = b.id
                WHERE b.election_id = @election ORDER BY b.position, c.position;
                """;
            var election = read.CreateParameter();
            election.ParameterName = "@election";
            election.Value = picnic;
            read.Parameters.Add(election);
            using var reader = read.ExecuteReader();
            long lastBallot = -1;
            while (reader.Read())
            {
                if (reader.GetInt64(0) != lastBallot)
                {
                    lastBallot = reader.GetInt64(0);
                    choicesByBallot.Add([lastBallot]);
                }
                choicesByBallot[^1].Add(reader.GetInt64(1));
            }
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO votes (voter, ballot_id, choice_id, cast_at) VALUES (@voter, @ballot, @choice, 0);";
        var voter = Parameter(insert, "@voter");
        var ballot = Parameter(insert, "@ballot");
        var choice = Parameter(insert, "@choice");
        for (var n = 1; n <= 7; n++)
        {
            for (var b = 0; b < choicesByBallot.Count; b++)
            {
                var ids = choicesByBallot[b]; // [ballot id, choice ids...]
                voter.Value = $"demo-voter-{n}";
                ballot.Value = ids[0];
                choice.Value = ids[1 + (n * (b + 2)) % (ids.Count - 1)];
                insert.ExecuteNonQuery();
            }
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
