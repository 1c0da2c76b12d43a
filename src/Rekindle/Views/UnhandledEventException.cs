namespace Rekindle.Views;

/// <summary>Thrown by the default <c>HandleEventAsync</c> of views and components: no handler for an event.</summary>
public sealed class UnhandledEventException(Type target, string eventName)
    : Exception($"{target.Name} has no handler for event '{eventName}'. Expected HandleEventAsync to handle it.")
{
    /// <summary>The event's name as the client sent it.</summary>
    public string EventName { get; } = eventName;

    /// <summary>The view or component type that refused the event.</summary>
    public string TargetName { get; } = target.Name;
}
