using System.Text.Json;
using System.Text.Json.Serialization;
using Rekindle.PubSub;

namespace Rekindle.Redis;

/// <summary>
/// How presences travel between nodes: each tracking as one JSON object (a field of its node's hash
/// in Redis and an item of a change), and each change of a node's set as one message on
/// <see cref="RedisPresenceStore.Channel"/>. Redis is trusted infrastructure, but a message that does
/// not read is dropped, never applied in part.
/// </summary>
internal static class PresenceWire
{
    /// <summary>A node's set changed: <see cref="Message.Joins"/> and <see cref="Message.Leaves"/> make version <see cref="Message.Version"/>.</summary>
    public const string Change = "change";

    /// <summary>A node wrote its whole set again (after Redis lost it, or the node was cut off): read it.</summary>
    public const string Reset = "reset";

    /// <summary>A node is shutting down: all its presences leave now.</summary>
    public const string Bye = "bye";

    public static string Write(PresenceEntry entry) => JsonSerializer.Serialize(new Item(entry.Meta.Ref, entry.Topic, entry.Key, entry.Meta.Values));

    public static string Write(Message message) => JsonSerializer.Serialize(message);

    /// <summary>The entry in <paramref name="json"/>, or <see langword="null"/> when it is not one.</summary>
    public static PresenceEntry? ReadEntry(string json) =>
        JsonSerializer.Deserialize<Item>(json) is { Ref.Length: > 0, Topic.Length: > 0, Key.Length: > 0, Meta: not null } item
            ? new PresenceEntry(item.Topic, item.Key, new PresenceMeta(item.Ref, new Dictionary<string, string>(item.Meta, StringComparer.Ordinal)))
            : null;

    /// <summary>The message in <paramref name="json"/>, or <see langword="null"/> when it is not one.</summary>
    public static Message? ReadMessage(string json) =>
        JsonSerializer.Deserialize<Message>(json) is { Node.Length: > 0, Kind.Length: > 0 } message ? message : null;

    /// <summary>One message of a node about its set; each join is an entry as <see cref="Write(PresenceEntry)"/> writes it.</summary>
    public sealed record Message(
        [property: JsonPropertyName("n")] string Node,
        [property: JsonPropertyName("s")] string Kind,
        [property: JsonPropertyName("v")] long Version,
        [property: JsonPropertyName("j")] IReadOnlyList<string>? Joins,
        [property: JsonPropertyName("l")] IReadOnlyList<string>? Leaves);

    private sealed record Item(
        [property: JsonPropertyName("r")] string Ref,
        [property: JsonPropertyName("t")] string Topic,
        [property: JsonPropertyName("k")] string Key,
        [property: JsonPropertyName("m")] IReadOnlyDictionary<string, string>? Meta);
}
