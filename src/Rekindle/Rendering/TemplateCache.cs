using System.Collections.Concurrent;

namespace Rekindle.Rendering;

/// <summary>
/// One <see cref="StaticTemplate"/> per call site, so statics are analyzed and encoded once.
/// Literal strings of a call site are the same interned objects on every call, so the hit check is
/// a reference comparison; a miss (two templates on one line, or literals built at run time) falls
/// back to comparing content and, failing that, builds a new template.
/// </summary>
internal static class TemplateCache
{
    private static readonly ConcurrentDictionary<(string File, int Line), StaticTemplate> Templates = new();

    public static StaticTemplate Get(string file, int line, ReadOnlySpan<string> literals)
    {
        if (Templates.TryGetValue((file, line), out var cached) && Matches(cached.Parts, literals))
        {
            return cached;
        }
        var template = StaticTemplate.Create(literals.ToArray());
        Templates[(file, line)] = template;
        return template;
    }

    private static bool Matches(string[] parts, ReadOnlySpan<string> literals)
    {
        if (parts.Length != literals.Length)
        {
            return false;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            if (!ReferenceEquals(parts[i], literals[i]) && !string.Equals(parts[i], literals[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}
