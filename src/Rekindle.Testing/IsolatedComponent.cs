namespace Rekindle.Testing;

/// <summary>Which component the isolated page renders, and its current assigns (set by the test, read by the view).</summary>
internal sealed class IsolatedComponent(Type type, object? assigns)
{
    private object? _assigns = assigns;

    public Type Type => type;

    public object? Assigns
    {
        get => Volatile.Read(ref _assigns);
        set => Volatile.Write(ref _assigns, value);
    }
}
