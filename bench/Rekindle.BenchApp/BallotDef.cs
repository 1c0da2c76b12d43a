namespace Rekindle.BenchApp;

/// <summary>One ballot of the bench page: a radio group of <see cref="Choices"/>.</summary>
public sealed record BallotDef(int Id, string Title, string[] Choices);
