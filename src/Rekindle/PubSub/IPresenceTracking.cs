namespace Rekindle.PubSub;

/// <summary>One tracked presence: disposing it is its leave.</summary>
public interface IPresenceTracking : IDisposable
{
    /// <summary>The presence as others see it now.</summary>
    PresenceMeta Current { get; }

    /// <summary>
    /// Replaces the metadata: subscribers see the old meta leave and the new one join in one diff,
    /// under a new <see cref="PresenceMeta.Ref"/> (Phoenix.Presence's update). Does nothing once disposed.
    /// </summary>
    void Update(IReadOnlyDictionary<string, string> meta);
}
