namespace Rekindle.Views;

/// <summary>Thrown by the default <see cref="LiveView.HandleEventAsync"/>: the view has no handler for an event.</summary>
public sealed class UnhandledEventException(Type viewType, string eventName)
    : Exception($"{viewType.Name} has no handler for event '{eventName}'. Expected HandleEventAsync to handle it.")
{
    public string EventName { get; } = eventName;
}
