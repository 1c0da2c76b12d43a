using Rekindle.Recovery;
using StackExchange.Redis;

namespace Rekindle.Redis;

/// <summary>
/// Snapshots in Redis, shared by every node: a view restores on whichever node its client reconnects
/// to. Each key is a hash of generation and data; a Lua script writes only a higher generation, so a
/// slow node can never overwrite a newer snapshot with an older one.
/// </summary>
internal sealed class RedisStateStore(IConnectionMultiplexer redis, string keyPrefix = "rekindle:snapshot:") : IStateStore
{
    private static readonly LuaScript SaveScript = LuaScript.Prepare("""
        local current = redis.call('HGET', @key, 'g')
        if current and tonumber(current) >= tonumber(@generation) then return 0 end
        redis.call('HSET', @key, 'g', @generation, 'd', @data)
        redis.call('PEXPIRE', @key, @ttl)
        return 1
        """);

    public async ValueTask SaveAsync(string key, long generation, ReadOnlyMemory<byte> snapshot, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        await redis.GetDatabase().ScriptEvaluateAsync(SaveScript, new
        {
            key = (RedisKey)(keyPrefix + key),
            generation,
            data = (RedisValue)snapshot,
            ttl = (long)timeToLive.TotalMilliseconds,
        }).WaitAsync(cancellationToken);
    }

    public async ValueTask<byte[]?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var data = await redis.GetDatabase().HashGetAsync(keyPrefix + key, "d").WaitAsync(cancellationToken);
        return data.IsNull ? null : (byte[]?)data;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().KeyDeleteAsync(keyPrefix + key).WaitAsync(cancellationToken);
}
