using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>
/// A cluster on this machine, as deploy/cluster.sh runs it: a real redis-server shared by the three
/// nodes of <see cref="NodesFixture"/>, behind nginx.
/// </summary>
public sealed class ClusterFixture : NodesFixture
{
    private RedisServer? _redis;

    /// <summary>Kills redis-server and starts an empty one on the same port, as a Redis without persistence comes back.</summary>
    public async Task RestartRedisAsync()
    {
        var redis = _redis ?? throw new InvalidOperationException("The fixture is not initialized.");
        await redis.DisposeAsync();
        _redis = await RedisServer.StartAsync(redis.Port);
    }

    protected override async Task<string> StartRedisAsync()
    {
        _redis = await RedisServer.StartAsync();
        return _redis.ConnectionString;
    }

    protected override async ValueTask StopRedisAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
