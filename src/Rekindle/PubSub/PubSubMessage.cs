namespace Rekindle.PubSub;

/// <summary>A message as a subscriber receives it.</summary>
/// <param name="Topic">The topic it was broadcast on.</param>
/// <param name="Message">The broadcast object.</param>
/// <param name="Position">Its place in the topic's log; <see langword="null"/> when it could not be logged (the log was unreachable or the message is not JSON-serializable), so it can be delivered but never replayed.</param>
public sealed record PubSubMessage(string Topic, object Message, TopicPosition? Position);

/// <summary>What a topic's log holds after a position.</summary>
/// <param name="Messages">The messages after the position, oldest first.</param>
/// <param name="Complete"><see langword="false"/> when messages after the position are gone from the log (trimmed, or more than asked for), so <see cref="Messages"/> is not all that was missed.</param>
/// <param name="Head">The position of the topic's latest message (or the given position when there is none after it).</param>
public sealed record TopicHistory(IReadOnlyList<PubSubMessage> Messages, bool Complete, TopicPosition Head);
