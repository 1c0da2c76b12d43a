namespace Rekindle.Views;

/// <summary>What handlers queued for the client besides the render: pushed events and a hook reply.</summary>
internal sealed class ClientEffects
{
    public List<(string Name, object? Payload)> Events { get; } = [];

    public object? Reply { get; set; }

    public bool HasReply { get; set; }

    public void Clear()
    {
        Events.Clear();
        Reply = null;
        HasReply = false;
    }
}
