namespace Rekindle.PubSub;

/// <summary>
/// What changed on a presence topic, shaped like Phoenix's <c>presence_diff</c>: the metas that
/// joined and those that left, by key. A key appears in <see cref="Leaves"/> once per tracking that
/// ended; it may still be present through another tracking (another tab).
/// </summary>
/// <param name="Topic">The presence topic.</param>
/// <param name="Joins">Key → the metas that joined.</param>
/// <param name="Leaves">Key → the metas that left.</param>
public sealed record PresenceDiff(
    string Topic,
    IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> Joins,
    IReadOnlyDictionary<string, IReadOnlyList<PresenceMeta>> Leaves);
