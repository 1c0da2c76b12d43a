using System.Text.Json;

namespace Rekindle.PubSub;

/// <summary>
/// How topic logs and other nodes carry a message: JSON plus its type name, so message types must be
/// System.Text.Json-serializable and present wherever the message is read back. Logs and Redis are
/// trusted storage: whoever can write to them can make the app deserialize any such type.
/// </summary>
public static class MessageJson
{
    /// <summary>The message's type name and JSON.</summary>
    /// <exception cref="NotSupportedException">The type cannot be serialized.</exception>
    public static (string Type, string Json) Write(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message.GetType();
        return (type.AssemblyQualifiedName ?? type.FullName ?? type.Name, JsonSerializer.Serialize(message, type));
    }

    /// <summary>The message back, or <see langword="null"/> when its type is unknown in this process.</summary>
    /// <exception cref="JsonException">The JSON does not match the type.</exception>
    public static object? Read(string type, string json) =>
        Type.GetType(type, throwOnError: false) is { } messageType ? JsonSerializer.Deserialize(json, messageType) : null;
}
