using Microsoft.Extensions.Logging;
using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Snapshots in Redis, shared by every node: a view restores on whichever node its client reconnects
/// to. Each key is a hash of generation and data; a Lua script writes only a higher generation, so a
/// slow node can never overwrite a newer snapshot with an older one (a Debug log says so: normally a
/// process of the view that lost its socket and finishes its last message after the rejoin elsewhere).
/// </summary>
internal sealed partial class RedisStateStore(IConnectionMultiplexer redis, ILogger logger, string keyPrefix = "rekindle:snapshot:") : IStateStore
{
    private static readonly LuaScript SaveScript = LuaScript.Prepare("""
        local current = redis.call('HGET', @key, 'g')
        if current and tonumber(current) >= tonumber(@generation) then return current end
        redis.call('HSET', @key, 'g', @generation, 'd', @data)
        redis.call('PEXPIRE', @key, @ttl)
        return false
        """);

    public async ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var kept = await redis.GetDatabase().ScriptEvaluateAsync(SaveScript, new
        {
            key = (RedisKey)(keyPrefix + key),
            generation,
            data = (RedisValue)snapshot,
            ttl = (long)timeToLive.TotalMilliseconds,
        }).WaitAsync(cancellationToken);
        if (!kept.IsNull)
        {
            Log.NewerKept(logger, (string?)kept, generation);
        }
    }

    public async ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var data = await redis.GetDatabase().HashGetAsync(keyPrefix + key, "d").WaitAsync(cancellationToken);
        return data.IsNull ? null : (byte[]?)data;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync(keyPrefix + key).WaitAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(5115, LogLevel.Debug, "Redis keeps a newer snapshot of a view (generation {Stored}); this node's generation {Offered} was not written.", EventName = nameof(NewerKept))]
        public static partial void NewerKept(ILogger logger, string? stored, long offered);
    }
}
