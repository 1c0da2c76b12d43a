namespace Rekindle.Runtime;

/// <summary>Development only: something changed under <c>dotnet watch</c> (<see cref="HotReload"/>).</summary>
internal sealed record HotReloadMessage(HotReloadKind Kind) : ViewMessage;
