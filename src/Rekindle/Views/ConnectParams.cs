using System.Text.Json;

namespace Rekindle.Views;

/// <summary>
/// The connect params of a join (docs/protocol.md §3.2): the page's own values plus the keys
/// the client reserves (<c>_csrf_token</c>, <c>_mounts</c>, <c>_mount_attempts</c>, <c>_track_static</c>, <c>_live_referer</c>).
/// </summary>
public sealed class ConnectParams
{
    private static readonly HashSet<string> Reserved = ["_csrf_token", "_mounts", "_mount_attempts", "_track_static", "_live_referer", "_rekindle_snapshot"];

    /// <summary>One shared, never-disposed document: a join without params costs no allocation.</summary>
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement;

    internal ConnectParams(JsonElement raw)
    {
        Raw = raw.ValueKind == JsonValueKind.Object ? raw : Empty;
        Mounts = ReadCount("_mounts");
        MountAttempts = ReadCount("_mount_attempts");
    }

    /// <summary>The whole params object as sent.</summary>
    public JsonElement Raw { get; }

    /// <summary>How many times this client-side view joined before (0 on page load, 1 or more on reconnects).</summary>
    public int Mounts { get; }

    /// <summary>Failed join attempts since the last success.</summary>
    public int MountAttempts { get; }

    /// <summary>Whether this join is a reconnect of a view that was connected before.</summary>
    public bool IsReconnect => Mounts > 0;

    /// <summary>The application's own keys (reserved keys left out).</summary>
    public IEnumerable<string> Keys => Raw.EnumerateObject().Select(p => p.Name).Where(n => !Reserved.Contains(n));

    /// <summary>Reads any connect parameter as JSON, reserved keys included.</summary>
    public bool TryGetValue(string name, out JsonElement value) => Raw.TryGetProperty(name, out value);

    /// <summary>A value as a string: strings as they are, other JSON as its text; <see langword="null"/> when absent.</summary>
    public string? GetString(string name) => Raw.TryGetProperty(name, out var value)
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    /// <summary>A value deserialized to <typeparamref name="T"/>; <see langword="default"/> when absent.</summary>
    public T? Get<T>(string name) => Raw.TryGetProperty(name, out var value) ? value.Deserialize<T>() : default;

    private int ReadCount(string name) =>
        Raw.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) ? count : 0;
}
