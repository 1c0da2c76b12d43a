
namespace Rekindle.Runtime;

/// <summary>Where one joined view's frames go: its socket, under its topic and join_ref.</summary>
internal sealed record ViewOutput(IFrameSink Sink, string JoinRef, string Topic);
