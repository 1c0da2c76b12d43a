namespace Rekindle.Rendering;

/// <summary>Deep value equality of rendered dynamics, as the client would see them.</summary>
internal static class RenderedEquality
{
    public static bool DynamicsEqual(object?[] left, object?[] right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }
        if (left.Length != right.Length)
        {
            return false;
        }
        for (var i = 0; i < left.Length; i++)
        {
            if (!SlotEqual(left[i] ?? "", right[i] ?? ""))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SlotEqual(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (Rendered a, Rendered b) => a.Template.SameAs(b.Template) && DynamicsEqual(a.Dynamics, b.Dynamics),
        (Comprehension a, Comprehension b) => ListsEqual(a, b),
        (ComponentRef a, ComponentRef b) => a.Cid == b.Cid,
        _ => false,
    };

    private static bool ListsEqual(Comprehension a, Comprehension b)
    {
        var sameTemplate = (a.Template, b.Template) switch
        {
            (null, null) => true,
            ({ } x, { } y) => x.SameAs(y),
            _ => false,
        };
        // Stream entries are operations, not state: the same item inserted twice is sent twice.
        if (!sameTemplate || a.Count != b.Count || a.Stream is { HasOperations: true } || b.Stream is { HasOperations: true })
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!a.Keys[i].Equals(b.Keys[i]) || !DynamicsEqual(a.Entries[i], b.Entries[i]))
            {
                return false;
            }
        }
        return true;
    }
}
