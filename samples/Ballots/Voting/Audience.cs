using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rekindle.PubSub;

namespace Ballots.Voting;

/// <summary>
/// Who is looking at an election, from its presence topic: each open page tracks its voter (or an
/// anonymous watcher) with a public name and, once it voted while open, the time of that vote.
/// Voter ids are session secrets, so others only ever see a name derived from a hash of them.
/// </summary>
/// <param name="Viewers">Distinct people on the page (a voter with two tabs counts once).</param>
/// <param name="RecentVoters">Public names of those present who voted while here, latest first.</param>
public sealed record Audience(int Viewers, IReadOnlyList<string> RecentVoters)
{
    public const string NameKey = "name";
    public const string VotedAtKey = "voted_at";
    private const int MaxRecentVoters = 5;

    public static readonly Audience None = new(0, []);

    public static Audience From(IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> present) => new(
        present.Count,
        present.Values.SelectMany(metas => metas)
            .Where(meta => meta.Values.ContainsKey(VotedAtKey))
            .OrderByDescending(meta => meta.Values[VotedAtKey], StringComparer.Ordinal)
            .Select(meta => meta.Values[NameKey])
            .Distinct()
            .Take(MaxRecentVoters)
            .ToArray());

    /// <summary>The presence key of a page: its voter, or a watcher of its own.</summary>
    public static string Key(string? voter) => voter ?? $"watcher:{Guid.NewGuid():N}";

    /// <summary>The meta a page tracks; <paramref name="votedAt"/> when this page saw its voter vote.</summary>
    public static Dictionary<string, string> Meta(string? voter, DateTimeOffset? votedAt)
    {
        var meta = new Dictionary<string, string> { [NameKey] = PublicName(voter) };
        if (votedAt is { } at)
        {
            meta[VotedAtKey] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        }
        return meta;
    }

    private static string PublicName(string? voter) => voter is null
        ? "a watcher"
        : "Voter " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(voter)))[..6];
}
