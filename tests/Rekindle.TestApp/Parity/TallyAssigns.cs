namespace Rekindle.TestApp.Parity;

/// <summary>Assigns as a plain class (no value equality), built fresh on every render of the parent.</summary>
public sealed class TallyAssigns
{
    public string Label { get; set; } = "";
}
