namespace Rekindle.Rendering;

/// <summary>
/// A keyed list rendered from one template (<c>Each(...)</c>): the entries share the statics and
/// are told apart by key, so the diff can send moves instead of re-sending the list
/// (liveview-protocol.md §4.6).
/// </summary>
public sealed class Comprehension
{
    internal Comprehension(StaticTemplate? template, object[] keys, object?[][] entries)
    {
        Template = template;
        Keys = keys;
        Entries = entries;
    }

    /// <summary>Shared statics of the entries; <see langword="null"/> when the list is empty.</summary>
    internal StaticTemplate? Template { get; }

    internal object[] Keys { get; }

    internal object?[][] Entries { get; }

    internal int Count => Entries.Length;
}
