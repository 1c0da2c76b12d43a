namespace Rekindle.Rendering;

/// <summary>
/// A keyed list rendered from one template (<c>Each(...)</c>): the entries share the statics and
/// are told apart by key, so the diff can send moves instead of re-sending the list
/// (docs/protocol.md §4.6). A list rendered from a stream (<c>StreamEach(...)</c>) holds only
/// the items inserted since the last render, and its <see cref="Stream"/> says what the client does with them (§4.8).
/// </summary>
public sealed class Comprehension
{
    internal Comprehension(StaticTemplate? template, object[] keys, object?[][] entries, StreamPatch? stream = null)
    {
        Template = template;
        Keys = keys;
        Entries = entries;
        Stream = stream;
    }

    /// <summary>Shared statics of the entries; <see langword="null"/> when the list is empty.</summary>
    internal StaticTemplate? Template { get; }

    internal object[] Keys { get; private set; }

    internal object?[][] Entries { get; private set; }

    internal StreamPatch? Stream { get; private set; }

    internal int Count => Entries.Length;

    /// <summary>
    /// Drops a stream's entries once they are sent: the client keeps no copy of them either (§4.8),
    /// and the server must not hold a streamed collection. Only the template is needed afterwards.
    /// </summary>
    internal void ReleaseStreamEntries()
    {
        Keys = [];
        Entries = [];
        Stream = Stream is { } sent ? new StreamPatch(sent.Ref, [], [], reset: false) : null;
    }
}
