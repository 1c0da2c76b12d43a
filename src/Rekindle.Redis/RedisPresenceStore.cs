using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// The presence keys of a cluster in Redis: per node a hash of its presences (field <c>v</c> is the
/// version of the set, <c>r:&lt;ref&gt;</c> one tracking each) and a heartbeat key, both expiring
/// after the node timeout unless the node refreshes them; a set names the nodes. Each operation is
/// one script, so a change, its version and its message are one step for every other node. Every
/// script declares the keys it touches, and all presence keys share the hash tag
/// <c>{rekindle:presence}</c>, so on a Redis Cluster they live in one slot and each script runs whole
/// on the primary that owns it (channels are arguments: a cluster's PUBLISH reaches every node).
/// </summary>
internal sealed class RedisPresenceStore(IConnectionMultiplexer redis)
{
    public const string Channel = "rekindle:presence";
    private const string NodesKey = "{rekindle:presence}:nodes";
    private const string AlivePrefix = "{rekindle:presence}:alive:";
    private const string StatePrefix = "{rekindle:presence}:state:";
    private const string EntryPrefix = "r:";

    // Compare-and-set on the version: a node whose hash was reaped or lost (Redis restarted) must
    // write its whole set again (Announce) rather than a change on top of nothing.
    private const string ChangeScript = """
        if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'v', ARGV[2])
        local joins = tonumber(ARGV[6])
        for i = 0, joins - 1 do redis.call('HSET', KEYS[1], ARGV[7 + 2 * i], ARGV[8 + 2 * i]) end
        for i = 7 + 2 * joins, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        redis.call('PUBLISH', ARGV[3], ARGV[4])
        return 1
        """;

    private const string AnnounceScript = """
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'v', ARGV[1])
        for i = 6, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('SET', KEYS[2], '1', 'PX', ARGV[4])
        redis.call('SADD', KEYS[3], ARGV[5])
        redis.call('PUBLISH', ARGV[2], ARGV[3])
        return 1
        """;

    private const string HeartbeatScript = """
        redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[3], ARGV[2])
        return redis.call('HGET', KEYS[1], 'v') or ''
        """;

    // KEYS: heartbeat and set of each node, in pairs.
    private const string SurveyScript = """
        local found = {}
        for i = 1, #KEYS, 2 do
          found[#found + 1] = redis.call('PTTL', KEYS[i])
          found[#found + 1] = redis.call('HGET', KEYS[i + 1], 'v') or ''
        end
        return found
        """;

    private const string ReapScript = """
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[3], ARGV[1])
        return 1
        """;

    private const string LeaveScript = """
        redis.call('DEL', KEYS[1], KEYS[2])
        redis.call('SREM', KEYS[3], ARGV[1])
        redis.call('PUBLISH', ARGV[2], ARGV[3])
        return 1
        """;

    /// <summary>Applies one change of <paramref name="node"/>'s set and publishes it; false when Redis holds another version than <paramref name="previous"/>.</summary>
    public async Task<bool> ChangeAsync(string node, long previous, long version, IReadOnlyList<PresenceEntry> joins, IReadOnlyList<string> leaves, string message, TimeSpan timeToLive)
    {
        RedisValue[] values =
        [
            previous, version, Channel, message, (long)timeToLive.TotalMilliseconds, joins.Count,
            .. joins.SelectMany(EntryField), .. leaves.Select(reference => (RedisValue)(EntryPrefix + reference)),
        ];
        return (long)await redis.GetDatabase().ScriptEvaluateAsync(ChangeScript, [StateKey(node)], values) == 1;
    }

    /// <summary>Writes <paramref name="node"/>'s whole set, refreshes its heartbeat and publishes <paramref name="message"/>.</summary>
    public Task AnnounceAsync(string node, long version, IReadOnlyCollection<PresenceEntry> entries, string message, TimeSpan timeToLive) =>
        redis.GetDatabase().ScriptEvaluateAsync(AnnounceScript, NodeKeys(node),
            [version, Channel, message, (long)timeToLive.TotalMilliseconds, node, .. entries.SelectMany(EntryField)]);

    /// <summary>Refreshes <paramref name="node"/>'s heartbeat; the version of its set in Redis, <see langword="null"/> when Redis has none.</summary>
    public async Task<long?> HeartbeatAsync(string node, TimeSpan timeToLive)
    {
        var stored = (string?)await redis.GetDatabase().ScriptEvaluateAsync(HeartbeatScript, NodeKeys(node), [(long)timeToLive.TotalMilliseconds, node]);
        return long.TryParse(stored, out var version) ? version : null;
    }

    /// <summary>Every node named in Redis, how long its heartbeat has left (negative: expired) and the version of its set.</summary>
    /// <remarks>
    /// The names first, then their keys (a script must declare its keys before it runs): a node named
    /// meanwhile is seen at the next survey, one reaped or gone meanwhile reads as an expired
    /// heartbeat without a set, which the survey already treats as a node that may be dead.
    /// </remarks>
    public async Task<IReadOnlyList<(string Node, TimeSpan HeartbeatLeft, long? Version)>> SurveyAsync()
    {
        var database = redis.GetDatabase();
        var names = (await database.SetMembersAsync(NodesKey)).Select(name => (string)name!).ToArray();
        if (names.Length == 0)
        {
            return [];
        }
        var found = (RedisResult[])(await database.ScriptEvaluateAsync(SurveyScript, [.. names.SelectMany(node => new[] { AliveKey(node), StateKey(node) })]))!;
        var nodes = new List<(string, TimeSpan, long?)>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            nodes.Add((names[i], TimeSpan.FromMilliseconds((long)found[2 * i]), long.TryParse((string?)found[2 * i + 1], out var version) ? version : null));
        }
        return nodes;
    }

    /// <summary>Deletes a dead node's set and name, unless its heartbeat came back meanwhile.</summary>
    public async Task ReapAsync(string node) => await redis.GetDatabase().ScriptEvaluateAsync(ReapScript, NodeKeys(node), [node]);

    /// <summary>Deletes this node's set and name and publishes <paramref name="message"/> (a shutdown).</summary>
    public Task LeaveAsync(string node, string message) =>
        redis.GetDatabase().ScriptEvaluateAsync(LeaveScript, NodeKeys(node), [node, Channel, message]);

    /// <summary><paramref name="node"/>'s set as Redis holds it: its version and the fields of its entries; no version when there is none.</summary>
    public async Task<(long? Version, IReadOnlyList<string> Entries)> ReadAsync(string node)
    {
        var fields = await redis.GetDatabase().HashGetAllAsync(StateKey(node));
        long? version = null;
        var entries = new List<string>(fields.Length);
        foreach (var field in fields)
        {
            var name = (string)field.Name!;
            if (name == "v" && long.TryParse((string?)field.Value, out var stored))
            {
                version = stored;
            }
            else if (name.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                entries.Add((string)field.Value!);
            }
        }
        return (version, entries);
    }

    private static RedisKey StateKey(string node) => StatePrefix + node;

    private static RedisKey AliveKey(string node) => AlivePrefix + node;

    private static RedisKey[] NodeKeys(string node) => [StateKey(node), AliveKey(node), NodesKey];

    private static IEnumerable<RedisValue> EntryField(PresenceEntry entry) => [EntryPrefix + entry.Meta.Ref, PresenceWire.Write(entry)];
}
