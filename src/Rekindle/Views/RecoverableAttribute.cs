namespace Rekindle.Views;

/// <summary>
/// Marks a property or field of a <see cref="LiveView"/> or <see cref="LiveComponent"/> whose value
/// comes back after a dropped socket, a server crash or restart, or on another node. The value is
/// serialized with System.Text.Json after every message that changed it; a type that cannot be
/// serialized is an error at the view's first render, naming the member.
/// </summary>
/// <example><code>[Recoverable] public int Count { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class RecoverableAttribute : Attribute;
