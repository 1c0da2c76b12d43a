using System.Collections;
using System.Reflection;

namespace Rekindle.Runtime;

/// <summary>
/// Decides whether a parent's render gives a component changed assigns, so its <c>UpdateAsync</c>
/// runs (docs/protocol.md §9). Assigns are the same when they are <c>Equals</c> (records, anonymous
/// objects); two collections when their items are <c>Equals</c> in order; other objects when both are
/// of one type with at least one public property or field and every one is <c>Equals</c>: a parent that
/// builds a fresh assigns object with the same values each render does not reset its components.
/// </summary>
internal static class AssignsComparison
{
    public static bool Same(object? previous, object? next)
    {
        if (Equals(previous, next))
        {
            return true;
        }
        if (previous is null || next is null || previous.GetType() != next.GetType())
        {
            return false;
        }
        // A collection's public members (Count, Capacity) do not show its items: a list that lost its
        // first item to another of the same count would look unchanged.
        if (previous is IEnumerable items)
        {
            return SameItems(items, (IEnumerable)next);
        }
        var type = next.GetType();
        var compared = false;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true })
            {
                compared = true;
                if (!Equals(property.GetValue(previous), property.GetValue(next)))
                {
                    return false;
                }
            }
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            compared = true;
            if (!Equals(field.GetValue(previous), field.GetValue(next)))
            {
                return false;
            }
        }
        // Nothing public to compare shows nothing of the values, so two instances are not the same.
        return compared;
    }

    private static bool SameItems(IEnumerable previous, IEnumerable next)
    {
        if (previous is ICollection left && next is ICollection right && left.Count != right.Count)
        {
            return false;
        }
        var previousItems = previous.GetEnumerator();
        var nextItems = next.GetEnumerator();
        try
        {
            while (true)
            {
                var hasPrevious = previousItems.MoveNext();
                if (hasPrevious != nextItems.MoveNext())
                {
                    return false;
                }
                if (!hasPrevious)
                {
                    return true;
                }
                if (!Equals(previousItems.Current, nextItems.Current))
                {
                    return false;
                }
            }
        }
        finally
        {
            (previousItems as IDisposable)?.Dispose();
            (nextItems as IDisposable)?.Dispose();
        }
    }
}
