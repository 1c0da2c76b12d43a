namespace Ballots.Seed;

/// <summary>A question of the seed page with its choices.</summary>
public sealed record SeedBallot(string Id, string Question, IReadOnlyList<string> Choices);
