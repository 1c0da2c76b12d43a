using System.Reflection;

namespace Rekindle.Runtime;

/// <summary>
/// Decides whether a parent's render gives a component changed assigns, so its <c>UpdateAsync</c>
/// runs (docs/protocol.md §9). Assigns are the same when they are <c>Equals</c> (records, anonymous
/// objects) or, for other types, when both are of one type and every public property and field is
/// <c>Equals</c>: a parent that builds a fresh assigns object with the same values each render does
/// not reset its components.
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
        var type = next.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true } && !Equals(property.GetValue(previous), property.GetValue(next)))
            {
                return false;
            }
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!Equals(field.GetValue(previous), field.GetValue(next)))
            {
                return false;
            }
        }
        return true;
    }
}
