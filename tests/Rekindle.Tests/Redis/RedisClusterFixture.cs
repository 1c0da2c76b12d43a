using Rekindle.TestApp;
using StackExchange.Redis;

namespace Rekindle.Tests.Redis;

/// <summary>One real Redis Cluster (three primaries) shared by the <see cref="RedisClusterCollection"/> classes, and a connection to it as a node opens one: every primary in the configuration.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private readonly List<ConnectionMultiplexer> _connections = [];

    public RedisCluster Cluster { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await RedisCluster.StartAsync();
        Connection = await ConnectAsync();
    }

    /// <summary>A connection of its own, as another node of the app has.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(Cluster.ConnectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(200);
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        Assert.Contains(connection.GetServers(), server => server.ServerType == ServerType.Cluster);
        lock (_connections)
        {
            _connections.Add(connection);
        }
        return connection;
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
        await Cluster.DisposeAsync();
    }
}
