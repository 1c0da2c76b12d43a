using Microsoft.Extensions.Logging;
using Rekindle.PubSub;

namespace Rekindle.Runtime;

/// <summary>
/// Where one view stands in each topic it subscribed to: the position of the last message it
/// handled (or the topic's head when it subscribed). Snapshots carry the positions; after a restore
/// the view is given what its topics logged since, and live copies of those messages are skipped.
/// Only kept while snapshots are on: without a snapshot there is nothing to replay into.
/// </summary>
internal sealed partial class TopicCursors(IPubSub pubSub, int maxReplayed, ILogger logger)
{
    // Both created on first use: a view that subscribes to nothing (most idle views) holds neither.
    private Dictionary<string, TopicPosition?>? _positions;
    private HashSet<(string Topic, TopicPosition Position)>? _replayed;
    private IReadOnlyDictionary<string, string>? _saved;

    /// <summary>Subscribes the view to a topic and follows it; its starting position is looked up later (<see cref="CatchUpAsync"/>).</summary>
    public IDisposable Subscribe(string topic, Action<PubSubMessage> deliver)
    {
        (_positions ??= new(StringComparer.Ordinal)).TryAdd(topic, null);
        return pubSub.Subscribe(topic, deliver);
    }

    /// <summary>The positions of a snapshot, used by the next <see cref="CatchUpAsync"/>.</summary>
    public void Restore(IReadOnlyDictionary<string, string>? saved) => _saved = saved;

    /// <summary>
    /// Gives each newly tracked topic its position: after a restore, the messages logged since the
    /// snapshot's position are returned for replay (or the topic is reported lost when they cannot all
    /// be); otherwise the topic's head.
    /// </summary>
    public async ValueTask<CatchUp> CatchUpAsync(CancellationToken cancellationToken)
    {
        List<PubSubMessage>? replay = null;
        List<string>? lost = null;
        if (_positions is null)
        {
            _saved = null;
            return new CatchUp([], []);
        }
        foreach (var (topic, position) in _positions.ToList())
        {
            if (position is not null)
            {
                continue;
            }
            try
            {
                if (_saved is not null && _saved.TryGetValue(topic, out var text) && TopicPosition.TryParse(text, out var saved))
                {
                    var history = await pubSub.ReadAfterAsync(topic, saved, maxReplayed, cancellationToken);
                    _positions[topic] = history.Head;
                    if (!history.Complete)
                    {
                        (lost ??= []).Add(topic);
                        continue;
                    }
                    foreach (var message in history.Messages)
                    {
                        (_replayed ??= []).Add((topic, message.Position!.Value));
                        (replay ??= []).Add(message);
                    }
                }
                else
                {
                    _positions[topic] = await pubSub.HeadAsync(topic, cancellationToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.LogUnreachable(logger, exception, topic);
                if (_saved?.ContainsKey(topic) == true)
                {
                    (lost ??= []).Add(topic);
                }
            }
        }
        _saved = null;
        return new CatchUp(replay ?? [], lost ?? []);
    }

    /// <summary>Moves the topic's position past a live message; false when the view already had it from a replay.</summary>
    public bool Advance(PubSubMessage message)
    {
        if (message.Position is not { } position)
        {
            return true;
        }
        if (_replayed?.Remove((message.Topic, position)) == true)
        {
            return false;
        }
        _positions ??= new(StringComparer.Ordinal);
        _positions[message.Topic] = _positions.GetValueOrDefault(message.Topic) is { } current ? TopicPosition.Max(current, position) : position;
        return true;
    }

    /// <summary>The known positions, for a snapshot; <see langword="null"/> when there are none.</summary>
    public Dictionary<string, string>? Capture()
    {
        Dictionary<string, string>? captured = null;
        if (_positions is null)
        {
            return null;
        }
        foreach (var (topic, position) in _positions)
        {
            if (position is { } known)
            {
                (captured ??= new(StringComparer.Ordinal))[topic] = known.ToString();
            }
        }
        return captured;
    }

    public bool HasUnpositioned => _positions?.ContainsValue(null) == true;

    /// <summary>What a catch-up found.</summary>
    /// <param name="Replay">Missed messages to hand to the view, oldest first per topic.</param>
    /// <param name="LostTopics">Topics whose missed messages could not all be read.</param>
    public sealed record CatchUp(IReadOnlyList<PubSubMessage> Replay, IReadOnlyList<string> LostTopics);

    private static partial class Log
    {
        [LoggerMessage(2501, LogLevel.Warning, "The log of topic {Topic} could not be read; a restored view may miss its messages.", EventName = nameof(LogUnreachable))]
        public static partial void LogUnreachable(ILogger logger, Exception exception, string topic);
    }
}
