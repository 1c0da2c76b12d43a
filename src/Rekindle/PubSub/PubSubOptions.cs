namespace Rekindle.PubSub;

/// <summary>Options of PubSub topic logs and replay. Bound from the <c>Rekindle:PubSub</c> configuration section.</summary>
public sealed class PubSubOptions
{
    /// <summary>Messages kept per topic for replay; older ones are trimmed (a view that missed more is told the gap was too large).</summary>
    /// <value>1,000.</value>
    public int LogLength { get; set; } = 1000;

    /// <summary>The most messages one restored view is given per topic; with more missed, it gets none and is told the gap was too large.</summary>
    /// <value>100.</value>
    public int MaxReplayedMessages { get; set; } = 100;
}
