namespace Rekindle.Views;

/// <summary>What handlers queued for the client besides the render: pushed events and a hook reply.</summary>
internal sealed class ClientEffects
{
    public List<(string Name, object? Payload)> Events { get; } = [];

    /// <summary>Component updates queued by <c>SendUpdate</c>, applied before the next render.</summary>
    public List<(Type Component, string Id, object? Assigns)> Updates { get; } = [];

    public object? Reply { get; set; }

    /// <summary>The navigation the last handler asked for, if any.</summary>
    public NavigationRequest? Navigation { get; set; }

    public bool HasReply { get; set; }

    /// <summary>Clears what was sent with a render; queued updates stay for the next render.</summary>
    public void Clear()
    {
        Events.Clear();
        Reply = null;
        HasReply = false;
        Navigation = null;
    }
}
