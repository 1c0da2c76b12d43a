using Rekindle.TestApp;

namespace Rekindle.Browser.Tests;

/// <summary>The three nodes of <see cref="NodesFixture"/> behind nginx on a real Redis Cluster (three primaries); every node is given every primary.</summary>
public sealed class RedisClusterNodesFixture : NodesFixture
{
    private RedisCluster? _cluster;

    protected override async Task<string> StartRedisAsync()
    {
        _cluster = await RedisCluster.StartAsync();
        return _cluster.ConnectionString;
    }

    protected override async ValueTask StopRedisAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
