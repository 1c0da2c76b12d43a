namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>An entry of <see cref="Issue4027Live"/>'s list.</summary>
public sealed record Issue4027Item(int Id, string Value);
