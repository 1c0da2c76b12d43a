namespace Rekindle.Views;

/// <summary>What came back when a view was restored from a snapshot.</summary>
/// <param name="ReplayedMessages">Messages of subscribed topics the view missed while it was away; they reach <see cref="LiveView.HandleInfoAsync"/>, in order, right after the restored page is sent.</param>
/// <param name="LostTopics">Subscribed topics whose missed messages cannot be replayed (more than <c>Rekindle:PubSub:MaxReplayedMessages</c>, trimmed from the log, or the log was unreachable): reload what the view shows from them.</param>
public sealed record Restoration(int ReplayedMessages, IReadOnlyList<string> LostTopics);
