namespace Rekindle.Testing;

/// <summary>
/// What the page's forms remember between events, per form (id, else event name): the fields the
/// test has touched (sent without <c>_unused_</c> markers, docs/protocol.md §5.3) and the values it
/// typed since the form's last submit (what the inputs hold, replayed by form recovery, §7.6).
/// </summary>
internal sealed class FormMemory
{
    private readonly Dictionary<string, HashSet<string>> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, string Value)>> _typed = new(StringComparer.Ordinal);

    /// <summary>The used field names of a form; lock the set to use it.</summary>
    public HashSet<string> Used(string formKey)
    {
        lock (_used)
        {
            if (!_used.TryGetValue(formKey, out var used))
            {
                used = new HashSet<string>(StringComparer.Ordinal);
                _used[formKey] = used;
            }
            return used;
        }
    }

    /// <summary>The fields typed into a form since its last submit, latest value per name.</summary>
    public IReadOnlyList<(string Name, string Value)> Typed(string formKey)
    {
        lock (_typed)
        {
            return _typed.TryGetValue(formKey, out var typed) ? [.. typed] : [];
        }
    }

    /// <summary>Remembers typed fields (each replacing the earlier values of its name); a submit forgets them.</summary>
    public void Remember(string formKey, IReadOnlyList<(string Name, string Value)> fields, bool submitted)
    {
        lock (_typed)
        {
            if (submitted)
            {
                _typed.Remove(formKey);
                return;
            }
            if (!_typed.TryGetValue(formKey, out var typed))
            {
                typed = [];
                _typed[formKey] = typed;
            }
            var names = fields.Select(field => field.Name).ToHashSet(StringComparer.Ordinal);
            typed.RemoveAll(field => names.Contains(field.Name));
            typed.AddRange(fields);
        }
    }
}
