using System.Text.Json;

namespace Rekindle.Rendering;

/// <summary>
/// Lets the diff writer descend into nested objects without knowing yet whether they will hold
/// anything: <see cref="Enter"/> only records the property name, and the object is written the
/// first time something is put inside it (<see cref="Open"/>). Unchanged subtrees thus cost no
/// bytes and need no intermediate tree.
/// </summary>
internal sealed class LazyObjectWriter
{
    private readonly List<JsonEncodedText> _pending = [];
    private int _opened;

    private Utf8JsonWriter? _writer;

    /// <summary>Whether anything was written since the last <see cref="Reset"/>.</summary>
    public bool WroteAnything { get; private set; }

    private Utf8JsonWriter Writer => _writer ?? throw new InvalidOperationException("LazyObjectWriter used before Reset.");

    /// <summary>Starts writing into the object the writer is currently in.</summary>
    public void Reset(Utf8JsonWriter writer)
    {
        _writer = writer;
        _pending.Clear();
        _opened = 0;
        WroteAnything = false;
    }

    /// <summary>Whether the innermost entered object has been written.</summary>
    public bool IsOpen => _opened == _pending.Count;

    public void Enter(JsonEncodedText name) => _pending.Add(name);

    /// <summary>Writes every pending object start so the caller can write inside the innermost one.</summary>
    public Utf8JsonWriter Open()
    {
        WroteAnything = true;
        for (; _opened < _pending.Count; _opened++)
        {
            Writer.WriteStartObject(_pending[_opened]);
        }
        return Writer;
    }

    /// <summary>Leaves the innermost object; returns whether anything was written in it.</summary>
    public bool Exit()
    {
        var depth = _pending.Count;
        _pending.RemoveAt(depth - 1);
        if (_opened < depth)
        {
            return false;
        }
        Writer.WriteEndObject();
        _opened = depth - 1;
        return true;
    }
}
