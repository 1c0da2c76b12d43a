using Rekindle.TestApp;

namespace Rekindle.Protocol.Tests;

/// <summary>
/// A redis-server that a test stops and starts again on the same port and append-only data folder, as
/// an outage or a restart of Redis does; disposing it stops the server and deletes the folder.
/// </summary>
internal sealed class RestartableRedis : IAsyncDisposable
{
    private readonly string _dataFolder;
    private readonly int _port;
    private RedisServer? _server;

    private RestartableRedis(RedisServer server, string dataFolder)
    {
        _server = server;
        _port = server.Port;
        _dataFolder = dataFolder;
    }

    public static async Task<RestartableRedis> StartAsync()
    {
        var dataFolder = Directory.CreateTempSubdirectory("rekindle-redis-").FullName;
        return new RestartableRedis(await RedisServer.StartAsync(dataFolder: dataFolder), dataFolder);
    }

    /// <summary>The arguments of a node on this Redis that gives up an operation after 1 s and reconnects every 200 ms, then <paramref name="more"/>.</summary>
    public string[] NodeArguments(params string[] more) =>
        ["--Redis:Connection", $"127.0.0.1:{_port}", "--Rekindle:Redis:OperationTimeout", "00:00:01", "--Rekindle:Redis:RetryInterval", "00:00:00.200", .. more];

    /// <summary>Kills the server; its data stays in the folder.</summary>
    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>Starts the server again on its port with the data it had.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _server = await RedisServer.StartAsync(_port, _dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
