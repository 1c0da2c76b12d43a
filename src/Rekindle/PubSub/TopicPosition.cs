using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rekindle.PubSub;

/// <summary>
/// Where a message sits in its topic's log: later messages have greater positions. Written
/// <c>major-minor</c>, the shape of a Redis stream id; the SQLite log uses 0 and its row id.
/// </summary>
public readonly record struct TopicPosition(long Major, long Minor) : IComparable<TopicPosition>
{
    /// <summary>Before every message: a topic that never had one.</summary>
    public static TopicPosition Start => default;

    /// <summary>Orders by <see cref="Major"/>, then <see cref="Minor"/>.</summary>
    public int CompareTo(TopicPosition other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(TopicPosition left, TopicPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(TopicPosition left, TopicPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is it.</summary>
    public static bool operator <=(TopicPosition left, TopicPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is it.</summary>
    public static bool operator >=(TopicPosition left, TopicPosition right) => left.CompareTo(right) >= 0;

    /// <summary>The later of two positions.</summary>
    public static TopicPosition Max(TopicPosition left, TopicPosition right) => left >= right ? left : right;

    /// <summary>The position as <c>major-minor</c>, which <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}-{Minor}");

    /// <summary>Reads <c>major-minor</c> with two non-negative numbers.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TopicPosition position)
    {
        position = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }
        position = new TopicPosition(major, minor);
        return true;
    }
}
